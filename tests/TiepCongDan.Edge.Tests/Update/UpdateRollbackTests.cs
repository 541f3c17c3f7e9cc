using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Update;

namespace TiepCongDan.Edge.Tests.Update;

/// <summary>Install beside, switch, and roll back an update that is never confirmed (docs/decisions/0026). Real files and symlinks in a temporary root; only systemctl is faked.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UpdateRollbackTests : IDisposable
{
    private readonly ReleaseFixture _fx = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeRestarter _restarter;
    private readonly UpdateManager _manager;

    public UpdateRollbackTests()
    {
        _restarter = new FakeRestarter(_fx.Layout);
        _manager = new UpdateManager(_fx.Layout, _restarter, _time, _fx.Trust);
    }

    [Fact]
    public async Task An_update_that_never_reports_healthy_is_rolled_back_after_its_deadline_and_marked_bad()
    {
        var pending = await _manager.InstallAsync(_fx.MakeTarball("2.0.0"), TimeSpan.FromMinutes(10), force: false, CancellationToken.None);

        Assert.Equal("2.0.0", _fx.Current);
        Assert.Equal("1.0.0", UpdateLayout.LinkVersion(_fx.Layout.Previous));
        Assert.True(Directory.Exists(_fx.Layout.ReleaseDirectory("1.0.0")), "the old release stays beside the new one");
        Assert.Equal(["2.0.0"], _restarter.RestartedInto);
        Assert.Equal(PendingUpdateState.Switched, pending.State);

        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(GuardOutcome.Waiting, await _manager.GuardAsync(CancellationToken.None));
        Assert.Equal("2.0.0", _fx.Current);

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(GuardOutcome.RolledBack, await _manager.GuardAsync(CancellationToken.None));

        Assert.Equal("1.0.0", _fx.Current);
        Assert.Equal(["2.0.0", "1.0.0"], _restarter.RestartedInto);
        Assert.Contains("2.0.0", _manager.BadVersions());
        Assert.False(File.Exists(_fx.Layout.PendingMarker));
        Assert.Contains("\"outcome\": \"RolledBack\"", File.ReadAllText(_fx.Layout.Result), StringComparison.Ordinal);

        // Nothing left to do, and the bad version is not installed again by accident.
        Assert.Equal(GuardOutcome.Nothing, await _manager.GuardAsync(CancellationToken.None));
        var again = await Assert.ThrowsAsync<UpdatePackageException>(() => _manager.InstallAsync(_fx.MakeTarball("2.0.0"), TimeSpan.FromMinutes(10), false, CancellationToken.None));
        Assert.Contains("--force", again.Message, StringComparison.Ordinal);
        Assert.Equal("1.0.0", _fx.Current);
    }

    [Fact]
    public async Task A_confirmation_for_another_update_does_not_save_an_unconfirmed_one()
    {
        await _manager.InstallAsync(_fx.MakeReleaseDirectory("2.0.0"), TimeSpan.FromMinutes(1), false, CancellationToken.None);
        AtomicFiles.WriteJson(_fx.Layout.Confirmation, new UpdateConfirmation("someone-else", "2.0.0", _time.GetUtcNow()), UpdateJsonContext.Default.UpdateConfirmation, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.Null(_manager.Confirm("1.0.0")); // the old version cannot confirm the new one

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(GuardOutcome.RolledBack, await _manager.GuardAsync(CancellationToken.None));
        Assert.Equal("1.0.0", _fx.Current);
    }

    public void Dispose() => _fx.Dispose();
}
