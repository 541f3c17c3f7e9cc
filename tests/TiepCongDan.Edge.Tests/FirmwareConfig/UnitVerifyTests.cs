namespace TiepCongDan.Edge.Tests.FirmwareConfig;

/// <summary>
/// `systemd-analyze verify` on every unit we ship, in a temporary root that holds Debian's own units
/// (copied from this machine's /usr/lib/systemd/system, so sysinit.target, seatd.service, pcscd.socket
/// resolve) plus ours where install-map.txt puts them, and stub executables for the ExecStart paths
/// (verify refuses a unit whose binary is missing). Any warning (an unknown key, a typo) fails too.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UnitVerifyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tcd-units-").FullName;

    public UnitVerifyTests()
    {
        var system = Path.Combine(_root, "usr/lib/systemd/system");
        Directory.CreateDirectory(system);
        HostTool.Require("systemd-analyze", "systemd");
        foreach (var file in Directory.EnumerateFileSystemEntries("/usr/lib/systemd/system"))
        {
            var target = Path.Combine(system, Path.GetFileName(file));
            var info = new FileInfo(file);
            if (info.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(target, link);
            }
            else if (File.Exists(file))
            {
                File.Copy(file, target);
            }
        }

        foreach (var (source, targetPath, _) in FirmwareFiles.InstallMap().Where(r => r.Target.StartsWith("/usr/lib/systemd/system/", StringComparison.Ordinal)))
        {
            var target = Path.Combine(_root, targetPath.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(FirmwareFiles.PathOf(source), target, overwrite: true);
        }

        foreach (var (source, targetPath, _) in FirmwareFiles.InstallMap().Where(r => r.Target.StartsWith("/usr/lib/tcd-edge/", StringComparison.Ordinal)))
        {
            // Our own helpers the units run (tcd-root-rw), as the image installs them.
            var target = Path.Combine(_root, targetPath.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(FirmwareFiles.PathOf(source), target, overwrite: true);
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        foreach (var stub in new[] { "opt/tcd-edge/releases/1.0.0/tcd-edge", "usr/bin/cage", "usr/bin/chromium", "usr/bin/systemctl", "usr/sbin/pcscd", "usr/sbin/seatd" })
        {
            var path = Path.Combine(_root, stub);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "#!/bin/sh\nexit 0\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        File.CreateSymbolicLink(Path.Combine(_root, "opt/tcd-edge/current"), "releases/1.0.0");
        File.CreateSymbolicLink(Path.Combine(_root, "opt/tcd-edge/previous"), "releases/1.0.0");
    }

    public static TheoryData<string> Units() =>
        new(FirmwareFiles.InstallMap()
            .Where(r => r.Target.StartsWith("/usr/lib/systemd/system/", StringComparison.Ordinal) && (r.Target.EndsWith(".service", StringComparison.Ordinal) || r.Target.EndsWith(".timer", StringComparison.Ordinal)))
            .Select(r => Path.GetFileName(r.Target))
            .Append("pcscd.service")); // Debian's unit with our drop-in

    [Theory]
    [MemberData(nameof(Units))]
    public void Unit_passes_systemd_analyze_verify_without_warnings(string unit)
    {
        var (exit, output, error) = HostTool.Run("systemd-analyze", "systemd", ["verify", "--root=" + _root, unit]);
        Assert.True(exit == 0 && error.Trim().Length == 0, $"systemd-analyze verify {unit}: exit {exit}\n{output}{error}");
    }

    [Fact]
    public void Verify_in_this_setup_does_catch_a_typo_and_a_missing_binary()
    {
        // The control: if verify passed everything, the theory above would prove nothing.
        var unitPath = Path.Combine(_root, "usr/lib/systemd/system/tcd-edge.service");
        File.WriteAllText(unitPath, File.ReadAllText(unitPath).Replace("ProtectSystem=strict", "ProtectSystm=strict", StringComparison.Ordinal));
        var typo = HostTool.Run("systemd-analyze", "systemd", ["verify", "--root=" + _root, "tcd-edge.service"]);
        Assert.Contains("Unknown key", typo.Error, StringComparison.Ordinal);

        File.Delete(Path.Combine(_root, "usr/bin/cage"));
        var missing = HostTool.Run("systemd-analyze", "systemd", ["verify", "--root=" + _root, "tcd-kiosk-browser.service"]);
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("/usr/bin/cage", missing.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
