using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Update;

namespace TiepCongDan.Edge.Tests.Update;

/// <summary>An update whose new edge stays online towards the hub is confirmed by <see cref="UpdateHealthConfirmer"/> and kept.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UpdateConfirmTests : IDisposable
{
    private readonly ReleaseFixture _fx = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    private sealed class Signal : IHubOnlineSignal
    {
        public volatile bool Online;

        public bool IsOnline => Online;
    }

    [Fact]
    public async Task An_update_that_reports_healthy_is_confirmed_after_staying_online_and_kept_past_its_deadline()
    {
        var restarter = new FakeRestarter(_fx.Layout);
        var manager = new UpdateManager(_fx.Layout, restarter, _time, _fx.Trust);
        var options = Microsoft.Extensions.Options.Options.Create(new UpdateOptions { ConfirmAfterSeconds = 60, CheckIntervalSeconds = 5 });

        // The old process (started while current was 1.0.0) is still running when current moves.
        var oldSignal = new Signal { Online = true };
        var oldConfirmer = new UpdateHealthConfirmer(manager, oldSignal, options, _time, NullLogger<UpdateHealthConfirmer>.Instance);
        await oldConfirmer.StartAsync(CancellationToken.None);

        await manager.InstallAsync(_fx.MakeTarball("2.0.0"), TimeSpan.FromMinutes(10), false, CancellationToken.None);

        // The restarted, new process: online, then a drop (the 60 s start again), then online for good.
        var signal = new Signal { Online = true };
        var confirmer = new UpdateHealthConfirmer(manager, signal, options, _time, NullLogger<UpdateHealthConfirmer>.Instance);
        await confirmer.StartAsync(CancellationToken.None);
        await Step(TimeSpan.FromSeconds(30), confirmer, oldConfirmer);
        signal.Online = false;
        await Step(TimeSpan.FromSeconds(10), confirmer, oldConfirmer);
        signal.Online = true;
        await Step(TimeSpan.FromSeconds(40), confirmer, oldConfirmer);
        Assert.False(confirmer.Done, "confirmed after 40 s online, but 60 s without a break are needed");
        Assert.False(File.Exists(_fx.Layout.Confirmation));

        for (var i = 0; i < 40 && !confirmer.Done; i++)
        {
            await Step(TimeSpan.FromSeconds(5), confirmer, oldConfirmer);
        }

        Assert.True(confirmer.Done, "the healthy new edge did not confirm");
        Assert.False(oldConfirmer.Done, "the old process must never confirm the new version");
        await confirmer.StopAsync(CancellationToken.None);
        await oldConfirmer.StopAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(30)); // well past the deadline: confirmed wins
        Assert.Equal(GuardOutcome.Kept, await manager.GuardAsync(CancellationToken.None));
        Assert.Equal("2.0.0", _fx.Current);
        Assert.Equal(["2.0.0"], restarter.RestartedInto);
        Assert.Empty(manager.BadVersions());
        Assert.Equal(GuardOutcome.Nothing, await manager.GuardAsync(CancellationToken.None));
    }

    /// <summary>Advances fake time in the confirmer's tick steps, letting its loop run after each tick.</summary>
    private async Task Step(TimeSpan total, params UpdateHealthConfirmer[] confirmers)
    {
        for (var t = TimeSpan.Zero; t < total; t += TimeSpan.FromSeconds(5))
        {
            var before = confirmers.Select(c => c.Checks).ToArray();
            _time.Advance(TimeSpan.FromSeconds(5));
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (confirmers.Where((c, i) => !c.Done && c.Checks == before[i]).Any() && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }
        }
    }

    public void Dispose() => _fx.Dispose();
}
