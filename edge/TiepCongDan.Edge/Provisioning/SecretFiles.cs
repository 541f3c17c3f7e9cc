using System.Diagnostics;

namespace TiepCongDan.Edge.Provisioning;

/// <summary>
/// Writes first boot's files atomically (temp file, flush to disk, rename) with mode 0600 in 0700
/// folders (or a given mode for the few that are not secret), and hands them to the service
/// account when it exists and we run as root.
/// </summary>
internal static class SecretFiles
{
    private const UnixFileMode FileMode600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode DirectoryMode700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void EnsureDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, DirectoryMode700);
        File.SetUnixFileMode(path, DirectoryMode700);
    }

    public static void Write(string path, ReadOnlySpan<byte> content, UnixFileMode mode = FileMode600)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (mode == FileMode600)
        {
            EnsureDirectory(directory);
        }
        else if (!OperatingSystem.IsWindows())
        {
            // A file others must read (timesyncd's drop-in) sits in a folder they can enter.
            Directory.CreateDirectory(directory, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        using (var stream = new FileStream(temp, options))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, mode);
        }

        File.Move(temp, path, overwrite: true);
    }

    public static void WriteText(string path, string content, UnixFileMode mode = FileMode600) => Write(path, System.Text.Encoding.UTF8.GetBytes(content), mode);

    /// <summary>chown -R the paths to tcd-edge when that user exists and we are root; otherwise leaves them to the current user.</summary>
    public static void GiveToServiceUser(IEnumerable<string> paths, string user)
    {
        if (OperatingSystem.IsWindows() || Environment.UserName != "root" || !UserExists(user))
        {
            return;
        }

        var start = new ProcessStartInfo("chown") { RedirectStandardError = true };
        start.ArgumentList.Add("-R");
        start.ArgumentList.Add($"{user}:{user}");
        foreach (var path in paths)
        {
            start.ArgumentList.Add(path);
        }

        using var chown = Process.Start(start) ?? throw new IOException("chown could not be started.");
        var error = chown.StandardError.ReadToEnd();
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new IOException($"chown to {user} failed: {error.Trim()}");
        }
    }

    private static bool UserExists(string user) =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(l => l.StartsWith(user + ":", StringComparison.Ordinal));
}
