namespace TiepCongDan.Edge.Tests.FirmwareConfig;

/// <summary>
/// sysusers.d and tmpfiles.d applied for real by systemd-sysusers/systemd-tmpfiles into a temporary
/// root, and the systemd/journald/timesyncd drop-ins checked against the keys their man pages define.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SystemFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tcd-sysroot-").FullName;

    [Fact]
    public void Sysusers_creates_the_service_users_with_only_the_device_groups_and_tmpfiles_gives_them_their_directories()
    {
        Directory.CreateDirectory(Path.Combine(_root, "etc"));
        var users = HostTool.Run("systemd-sysusers", "systemd", ["--root=" + _root, "/usr/lib/sysusers.d/basic.conf", FirmwareFiles.PathOf("sysusers.d/tcd-edge.conf")]);
        Assert.True(users.ExitCode == 0, users.Error);
        var passwd = File.ReadAllLines(Path.Combine(_root, "etc/passwd"));
        var edge = Assert.Single(passwd, l => l.StartsWith("tcd-edge:", StringComparison.Ordinal)).Split(':');
        Assert.Equal("/usr/sbin/nologin", edge[6]);
        var groups = File.ReadAllLines(Path.Combine(_root, "etc/group"))
            .Select(l => l.Split(':'))
            .Where(g => g[3].Split(',').Contains("tcd-edge"))
            .Select(g => g[0]).Order(StringComparer.Ordinal).ToList();
        var unitGroups = UnitFile.Load("systemd/tcd-edge.service").Last("Service", "SupplementaryGroups")!.Split(' ').Order(StringComparer.Ordinal).ToList();
        Assert.Equal(unitGroups, groups);
        Assert.DoesNotContain("sudo", groups);

        var tmp = HostTool.Run("systemd-tmpfiles", "systemd", ["--root=" + _root, "--create", FirmwareFiles.PathOf("tmpfiles.d/tcd-edge.conf")]);
        Assert.True(tmp.ExitCode == 0, tmp.Error);
        var data = Path.Combine(_root, "var/lib/tcd-edge");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        Assert.True(Directory.Exists(Path.Combine(_root, "opt/tcd-edge/releases")));
    }

    [Theory]
    [InlineData("systemd/system.conf.d/tcd-edge-watchdog.conf", "Manager", "RuntimeWatchdogSec RebootWatchdogSec")]
    [InlineData("systemd/journald.conf.d/tcd-edge.conf", "Journal", "Storage SystemMaxUse SystemKeepFree SystemMaxFileSize RuntimeMaxUse MaxRetentionSec SyncIntervalSec RateLimitIntervalSec RateLimitBurst ForwardToSyslog")]
    [InlineData("systemd/timesyncd.conf.d/tcd-edge.conf", "Time", "NTP FallbackNTP RootDistanceMaxSec PollIntervalMinSec PollIntervalMaxSec")]
    public void Drop_in_uses_only_its_sections_known_keys(string file, string section, string keys)
    {
        var known = keys.Split(' ');
        var conf = UnitFile.Load(file);
        Assert.Equal([section], conf.Sections);
        Assert.NotEmpty(conf.Entries);
        foreach (var (_, key, value) in conf.Entries)
        {
            Assert.True(known.Contains(key), $"{file}: unknown key {key}");
            Assert.NotEqual("", value);
        }
    }

    [Fact]
    public void Journal_is_bounded_and_the_hardware_watchdog_is_fed()
    {
        Assert.Equal("200M", UnitFile.Load("systemd/journald.conf.d/tcd-edge.conf").Last("Journal", "SystemMaxUse"));
        Assert.Equal("15s", UnitFile.Load("systemd/system.conf.d/tcd-edge-watchdog.conf").Last("Manager", "RuntimeWatchdogSec"));
        var unit = UnitFile.Load("systemd/tcd-edge.service");
        Assert.Equal("notify", unit.Last("Service", "Type"));
        Assert.Equal("30", unit.Last("Service", "WatchdogSec"));
        Assert.Equal("always", unit.Last("Service", "Restart"));
        Assert.Equal("78", unit.Last("Service", "RestartPreventExitStatus"));
        Assert.Equal("tcd-edge", unit.Last("Service", "User"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
