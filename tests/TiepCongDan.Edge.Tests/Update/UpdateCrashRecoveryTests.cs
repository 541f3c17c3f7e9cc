using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Update;

namespace TiepCongDan.Edge.Tests.Update;

/// <summary>A crash between any two steps leaves a state the guard finishes; running the guard again changes nothing.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UpdateCrashRecoveryTests : IDisposable
{
    private readonly ReleaseFixture _fx = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeRestarter _restarter;
    private readonly UpdateManager _manager;

    public UpdateCrashRecoveryTests()
    {
        _restarter = new FakeRestarter(_fx.Layout);
        _manager = new UpdateManager(_fx.Layout, _restarter, _time, _fx.Trust);
    }

    [Fact]
    public async Task Crash_after_the_marker_but_before_current_moved_abandons_the_install_and_keeps_the_old_release()
    {
        Directory.Move(_fx.MakeReleaseDirectory("2.0.0"), _fx.Layout.ReleaseDirectory("2.0.0"));
        WriteMarker(PendingUpdateState.Switching);

        Assert.Equal(GuardOutcome.Abandoned, await _manager.GuardAsync(CancellationToken.None));
        Assert.Equal("1.0.0", _fx.Current);
        Assert.Empty(_restarter.RestartedInto);
        Assert.False(File.Exists(_fx.Layout.PendingMarker));
        Assert.Equal(GuardOutcome.Nothing, await _manager.GuardAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Crash_after_current_moved_but_before_the_marker_said_so_is_still_guarded_and_rolled_back()
    {
        Directory.Move(_fx.MakeReleaseDirectory("2.0.0"), _fx.Layout.ReleaseDirectory("2.0.0"));
        WriteMarker(PendingUpdateState.Switching);
        File.CreateSymbolicLink(_fx.Layout.Previous, "releases/1.0.0");
        AtomicFiles.ReplaceSymlink(_fx.Layout.Current, "releases/2.0.0");

        Assert.Equal(GuardOutcome.Waiting, await _manager.GuardAsync(CancellationToken.None));
        Assert.Equal(PendingUpdateState.Switched, _manager.ReadMarker()!.State);
        _time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(GuardOutcome.RolledBack, await _manager.GuardAsync(CancellationToken.None));
        Assert.Equal("1.0.0", _fx.Current);
    }

    [Fact]
    public async Task Crash_in_the_middle_of_a_rollback_is_finished_by_the_next_guard_run_exactly_once()
    {
        await _manager.InstallAsync(_fx.MakeReleaseDirectory("2.0.0"), TimeSpan.FromMinutes(10), false, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(11));

        _restarter.FailNext = true; // the guard dies after switching current back, before the restart
        await Assert.ThrowsAsync<IOException>(() => _manager.GuardAsync(CancellationToken.None));
        Assert.Equal("1.0.0", _fx.Current);
        Assert.Equal(PendingUpdateState.RollingBack, _manager.ReadMarker()!.State);

        Assert.Equal(GuardOutcome.RolledBack, await _manager.GuardAsync(CancellationToken.None));
        Assert.Equal(GuardOutcome.Nothing, await _manager.GuardAsync(CancellationToken.None));
        Assert.Equal(["2.0.0", "1.0.0"], _restarter.RestartedInto);
        Assert.Single(File.ReadAllLines(_fx.Layout.BadVersions), "2.0.0");
        Assert.Equal("1.0.0", _fx.Current);
    }

    [Fact]
    public async Task Switching_current_replaces_the_symlink_atomically_and_leaves_no_temporary_links()
    {
        await _manager.InstallAsync(_fx.MakeReleaseDirectory("2.0.0"), TimeSpan.FromMinutes(10), false, CancellationToken.None);
        var entries = Directory.EnumerateFileSystemEntries(_fx.Layout.Base).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["current", "pending-update.json", "previous", "releases"], entries);
        Assert.Equal("releases/2.0.0", new FileInfo(_fx.Layout.Current).LinkTarget);
        Assert.Equal("echo tcd-edge 2.0.0", File.ReadAllLines(Path.Combine(_fx.Layout.Current, "tcd-edge"))[1]);
        Assert.Equal(["1.0.0", "2.0.0"], Directory.EnumerateDirectories(_fx.Layout.Releases).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
    }

    private void WriteMarker(PendingUpdateState state)
    {
        var now = _time.GetUtcNow();
        AtomicFiles.WriteJson(_fx.Layout.PendingMarker, new PendingUpdate("u1", "2.0.0", "1.0.0", now, now.AddMinutes(10), state), UpdateJsonContext.Default.PendingUpdate, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public void Dispose() => _fx.Dispose();
}
