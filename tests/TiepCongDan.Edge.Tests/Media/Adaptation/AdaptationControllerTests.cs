using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Media.Adaptation;
using TiepCongDan.Edge.Media.Uplink;

namespace TiepCongDan.Edge.Tests.Media.Adaptation;

public sealed class AdaptationControllerTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Steps_down_one_rung_when_retransmits_stay_above_8_percent()
    {
        var controller = Controller(start: 0);
        Assert.Null(Tick(controller, Lossy())); // one bad second is noise
        var decision = Tick(controller, Lossy());

        Assert.NotNull(decision);
        Assert.Equal(AdaptationDirection.Down, decision.Direction);
        Assert.Equal((0, 1), (decision.FromIndex, decision.ToIndex));
        Assert.Equal(BitrateLadder.Default[1], decision.Rung);
        Assert.Contains("retransmits 12.0%", decision.Reason, StringComparison.Ordinal);
        Assert.Equal("Đường truyền yếu, giảm chất lượng hình xuống 720p (1500 kbit/s)", decision.OperatorReason);
        Assert.Equal(1, controller.CurrentIndex);
        Assert.Same(decision, controller.LastDecision);
    }

    [Fact]
    public void A_cut_link_whose_peer_went_silent_holds_the_rung_instead_of_restarting_the_encoder()
    {
        var controller = Controller(start: 0);
        Assert.Null(Tick(controller, Healthy()));
        // The first second of a cut: ACKs still came for part of it while the buffer grew.
        Assert.Null(Tick(controller, Healthy() with { SendBufferMs = 900 }));
        for (var i = 0; i < 10; i++)
        {
            // Then nothing comes back at all; SRT has not declared the peer gone yet.
            Assert.Null(Tick(controller, Healthy() with { SendBufferMs = 1000 + (i * 1000), PeerHeard = false }));
        }

        Assert.Equal(0, controller.CurrentIndex);
    }

    [Fact]
    public void Moderate_retransmits_below_the_threshold_do_not_step_down()
    {
        var controller = Controller(start: 0);
        for (var i = 0; i < 30; i++)
        {
            Assert.Null(Tick(controller, Healthy() with { RetransmitPercent = 6 }));
        }
    }

    [Fact]
    public void Steps_down_at_most_once_per_cooldown()
    {
        var controller = Controller(start: 0);
        var downs = new List<DateTimeOffset>();
        for (var i = 0; i < 14; i++)
        {
            if (Tick(controller, Lossy()) is { } d)
            {
                downs.Add(d.Time);
            }
        }

        Assert.True(downs.Count >= 3, $"{downs.Count} steps");
        Assert.All(downs.Zip(downs.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(4)));
    }

    [Fact]
    public void Never_goes_below_the_last_rung()
    {
        var controller = Controller(start: 4);
        for (var i = 0; i < 30; i++)
        {
            Assert.Null(Tick(controller, Lossy()));
        }

        Assert.Equal(4, controller.CurrentIndex);
        Assert.Equal(BitrateLadder.Default[4], controller.CurrentRung);
    }

    [Fact]
    public void Steps_up_only_after_20_s_of_healthy_samples_with_bandwidth_for_the_next_rung()
    {
        var controller = Controller(start: 2);
        var decisions = new List<(int Second, AdaptationDecision Decision)>();
        for (var second = 1; second <= 45; second++)
        {
            if (Tick(controller, Healthy(bandwidthKbps: 5000)) is { } d)
            {
                decisions.Add((second, d));
            }
        }

        Assert.Equal(2, decisions.Count);
        Assert.Equal(AdaptationDirection.Up, decisions[0].Decision.Direction);
        Assert.Equal((2, 1), (decisions[0].Decision.FromIndex, decisions[0].Decision.ToIndex));
        Assert.InRange(decisions[0].Second, 21, 22);
        Assert.Equal((1, 0), (decisions[1].Decision.FromIndex, decisions[1].Decision.ToIndex));
        Assert.True(decisions[1].Second - decisions[0].Second >= 20);
        Assert.StartsWith("Đường truyền ổn định, tăng chất lượng hình lên 720p", decisions[1].Decision.OperatorReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_step_up_without_1_4_times_the_next_rungs_bitrate()
    {
        var controller = Controller(start: 2); // next rung up is 1500 kbit/s: needs 2100 estimated
        for (var i = 0; i < 60; i++)
        {
            Assert.Null(Tick(controller, Healthy(bandwidthKbps: 2000)));
        }

        Assert.NotNull(Tick(controller, Healthy(bandwidthKbps: 2100)));
        Assert.Equal(1, controller.CurrentIndex);
    }

    [Fact]
    public void Never_goes_above_the_first_rung()
    {
        var controller = Controller(start: 0);
        for (var i = 0; i < 60; i++)
        {
            Assert.Null(Tick(controller, Healthy(bandwidthKbps: 100_000)));
        }

        Assert.Equal(0, controller.CurrentIndex);
    }

    [Fact]
    public void Disconnected_samples_hold_the_rung_and_restart_the_up_hold()
    {
        var controller = Controller(start: 2);
        for (var i = 0; i < 30; i++)
        {
            Assert.Null(Tick(controller, new SrtLinkSample { Time = time.GetUtcNow(), Connected = false }));
        }

        Assert.Equal(2, controller.CurrentIndex);

        // A bad second before the cut and one after do not add up to a step down.
        Assert.Null(Tick(controller, Lossy()));
        Assert.Null(Tick(controller, new SrtLinkSample { Time = time.GetUtcNow(), Connected = false }));
        Assert.Null(Tick(controller, Lossy()));

        // 15 healthy seconds, a cut, 10 healthy seconds: not 20 in a row.
        for (var i = 0; i < 15; i++)
        {
            Assert.Null(Tick(controller, Healthy(bandwidthKbps: 5000)));
        }

        Assert.Null(Tick(controller, new SrtLinkSample { Time = time.GetUtcNow(), Connected = false }));
        for (var i = 0; i < 10; i++)
        {
            Assert.Null(Tick(controller, Healthy(bandwidthKbps: 5000)));
        }

        Assert.Equal(2, controller.CurrentIndex);
    }

    [Fact]
    public void A_send_buffer_above_twice_the_latency_steps_down()
    {
        var controller = Controller(start: 0);

        // Latency 1000 ms: the limit is 2000 ms, so 1500 ms of buffer is fine ...
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(Tick(controller, Healthy() with { LatencyMs = 1000, SendBufferMs = 1500, SendRateKbps = 2600 }));
        }

        // ... and 2500 ms is not.
        Assert.Null(Tick(controller, Healthy() with { LatencyMs = 1000, SendBufferMs = 2500, SendRateKbps = 2600 }));
        var decision = Tick(controller, Healthy() with { LatencyMs = 1000, SendBufferMs = 2600, SendRateKbps = 2600 });
        Assert.NotNull(decision);
        Assert.Contains("send buffer 2600 ms above 2000 ms", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_send_rate_below_the_rung_while_the_buffer_grows_steps_down()
    {
        var controller = Controller(start: 1); // 1500 kbit/s
        Assert.Null(Tick(controller, Healthy() with { SendBufferMs = 150, SendRateKbps = 1100 }));
        Assert.Null(Tick(controller, Healthy() with { SendBufferMs = 250, SendRateKbps = 1100 }));
        var decision = Tick(controller, Healthy() with { SendBufferMs = 420, SendRateKbps = 1100 });
        Assert.NotNull(decision);
        Assert.Equal(2, decision.ToIndex);
        Assert.Contains("below 1500 kbit/s", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nearly_empty_second_with_high_percentages_does_not_outweigh_full_ones()
    {
        var controller = Controller(start: 0);
        Assert.Null(Tick(controller, Healthy() with { RetransmitPercent = 2, PacketsSent = 250 }));
        Assert.Null(Tick(controller, Healthy() with { RetransmitPercent = 100, PacketsSent = 2 })); // encoder restarting
        Assert.Null(Tick(controller, Healthy() with { RetransmitPercent = 2, PacketsSent = 250 }));
        Assert.Equal(0, controller.CurrentIndex);
    }

    [Fact]
    public void A_start_rung_beyond_the_ladder_is_refused() =>
        Assert.Throws<ArgumentException>(() => new AdaptationController(BitrateLadder.Default, new AdaptationSettings { StartIndex = 5 }, time));

    private AdaptationController Controller(int start) =>
        new(BitrateLadder.Default, new AdaptationSettings { StartIndex = start }, time);

    private AdaptationDecision? Tick(AdaptationController controller, SrtLinkSample sample)
    {
        time.Advance(TimeSpan.FromSeconds(1));
        return controller.Observe(sample with { Time = time.GetUtcNow() });
    }

    private SrtLinkSample Healthy(double bandwidthKbps = 3000) => new()
    {
        Time = time.GetUtcNow(),
        Connected = true,
        RttMs = 40,
        RetransmitPercent = 0.5,
        LossPercent = 0.5,
        SendBufferMs = 60,
        SendRateKbps = 2700,
        BandwidthKbps = bandwidthKbps,
        LatencyMs = 160,
    };

    private SrtLinkSample Lossy() => Healthy() with { RetransmitPercent = 12, LossPercent = 6, SendBufferMs = 300 };
}
