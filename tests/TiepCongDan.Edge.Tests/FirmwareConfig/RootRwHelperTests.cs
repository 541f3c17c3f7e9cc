namespace TiepCongDan.Edge.Tests.FirmwareConfig;

/// <summary>
/// firmware-config/helpers/tcd-root-rw, the shell helper first boot, the update guard and `update
/// install` use around writes to the read-only root. Run with stand-ins for findmnt and mount on
/// PATH (remounting this machine's real root is not something a test may do): it remounts only a
/// read-only root, and puts back only what it changed.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class RootRwHelperTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-root-rw-").FullName;

    [Fact]
    public void A_read_only_root_is_remounted_read_write_and_back_exactly_once()
    {
        var (calls, note) = Arrange(rootOptions: "ro,noatime,errors=remount-ro");

        Assert.Equal(0, Run("begin").ExitCode);
        Assert.True(File.Exists(note), "begin notes that it changed the root");
        Assert.Equal(0, Run("end").ExitCode);
        Assert.False(File.Exists(note));
        Assert.Equal(0, Run("end").ExitCode); // a second end (ExecStopPost after a failed start) does nothing

        Assert.Equal(["-o remount,rw /", "-o remount,ro /"], File.ReadAllLines(calls));
    }

    [Fact]
    public void A_read_write_root_is_left_alone_and_a_wrong_verb_is_a_usage_error()
    {
        // "errors=remount-ro" contains "ro" as text but is not the ro option.
        var (calls, note) = Arrange(rootOptions: "rw,relatime,errors=remount-ro");

        Assert.Equal(0, Run("begin").ExitCode);
        Assert.Equal(0, Run("end").ExitCode);
        Assert.False(File.Exists(note));
        Assert.False(File.Exists(calls), "mount must not be called on a read-write root");

        var wrong = Run("start");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("usage: tcd-root-rw begin|end", wrong.Error, StringComparison.Ordinal);
    }

    private (string Calls, string Note) Arrange(string rootOptions)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_dir, "bin")).FullName;
        var calls = Path.Combine(_dir, "mount-calls");
        Stub(Path.Combine(bin, "findmnt"), $"#!/bin/sh\necho '{rootOptions}'\n");
        Stub(Path.Combine(bin, "mount"), $"#!/bin/sh\necho \"$*\" >> '{calls}'\n");
        Stub(Path.Combine(bin, "sync"), "#!/bin/sh\nexit 0\n");
        return (calls, Path.Combine(_dir, "was-ro"));
    }

    private (int ExitCode, string Output, string Error) Run(string verb) =>
        HostTool.Run("sh", "dash", [FirmwareFiles.PathOf("helpers/tcd-root-rw"), verb], environment: new Dictionary<string, string>
        {
            ["PATH"] = Path.Combine(_dir, "bin") + ":/usr/bin:/bin",
            ["TCD_ROOT_RW_NOTE"] = Path.Combine(_dir, "was-ro"),
        });

    private static void Stub(string path, string script)
    {
        File.WriteAllText(path, script);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
