using System.Diagnostics;

namespace TiepCongDan.Edge.Update;

/// <summary>
/// Makes the kiosk's read-only root writable around an install (firmware-config/helpers/tcd-root-rw:
/// remounts / read-write only when it is read-only, and back after). Only for the real root: an
/// install under <c>--root DIR</c> (tests, an image being built) or a machine without the helper
/// is left alone.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RootFileSystemWriter : IDisposable
{
    public const string Helper = "/usr/lib/tcd-edge/tcd-root-rw";

    private readonly bool _active;

    private RootFileSystemWriter(bool active) => _active = active;

    /// <summary>Begins writing under <paramref name="root"/>; dispose to end.</summary>
    public static RootFileSystemWriter Begin(string root)
    {
        var active = Path.GetFullPath(root) == "/" && File.Exists(Helper);
        if (active)
        {
            Run("begin");
        }

        return new RootFileSystemWriter(active);
    }

    public void Dispose()
    {
        if (_active)
        {
            Run("end");
        }
    }

    private static void Run(string verb)
    {
        using var process = Process.Start(new ProcessStartInfo(Helper, verb) { UseShellExecute = false })
            ?? throw new IOException($"cannot start {Helper}");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new IOException($"{Helper} {verb} failed (exit {process.ExitCode}): the read-only root could not be remounted");
        }
    }
}
