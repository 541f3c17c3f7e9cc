using System.Diagnostics;
using System.Text;

namespace TiepCongDan.EndToEnd.Tests.Image;

/// <summary>
/// What the image tests need from this machine (root, binfmt_misc with qemu-aarch64, mmdebstrap …),
/// checked up front so a missing piece fails with the package to install instead of a late, obscure error.
/// </summary>
public static class ImageHost
{
    /// <summary>Debian packages the image tests (and images/build-image.sh) need.</summary>
    public const string Packages = "mmdebstrap qemu-user-static binfmt-support arch-test dosfstools mtools e2fsprogs fdisk";

    public static void RequireTools()
    {
        var problems = new List<string>();
        if (Environment.UserName != "root" && !string.Equals(Environment.GetEnvironmentVariable("USER"), "root", StringComparison.Ordinal)
            && Run("id", ["-u"]).Output.Trim() != "0")
        {
            problems.Add("the test must run as root (chroot and mount into the arm64 root file system)");
        }

        foreach (var (tool, package) in new[]
                 {
                     ("mmdebstrap", "mmdebstrap"), ("arch-test", "arch-test"), ("mkfs.ext4", "e2fsprogs"),
                     ("chroot", "coreutils"), ("mount", "mount"), ("umount", "mount"),
                 })
        {
            if (Which(tool) is null)
            {
                problems.Add($"{tool} is missing (apt-get install {package})");
            }
        }

        if (!File.Exists("/usr/libexec/qemu-binfmt/aarch64-binfmt-P") && !File.Exists("/usr/bin/qemu-aarch64-static"))
        {
            problems.Add("qemu-user-static is missing (apt-get install qemu-user-static binfmt-support)");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "The kiosk image test cannot run here:\n  - " + string.Join("\n  - ", problems)
                + $"\nInstall: apt-get install --no-install-recommends {Packages} (as root), then run it again.");
        }
    }

    public static string? Which(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin").Split(':').Append("/usr/sbin").Append("/sbin"))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs a short command and returns its exit code and combined output.</summary>
    public static (int ExitCode, string Output) Run(string fileName, IReadOnlyList<string> arguments, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in time");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>Runs a command that must succeed.</summary>
    public static string RunChecked(string fileName, params string[] arguments)
    {
        var (code, output) = Run(fileName, arguments);
        return code == 0
            ? output
            : throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed with exit code {code}:\n{output}");
    }
}
