namespace TiepCongDan.Edge.Media.Recording;

/// <summary>Files and directories only the service account may read: they hold a citizen's face and voice, or the key to them.</summary>
internal static class PrivateFiles
{
    private const UnixFileMode FileMode600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode DirectoryMode700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, DirectoryMode700);
        }
    }

    /// <summary>Options for a new file with mode 0600; bufferSize 0 sends every write straight to the kernel.</summary>
    public static FileStreamOptions NewFile(FileMode mode, int bufferSize = 4096)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.Read, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode600;
        }

        return options;
    }
}
