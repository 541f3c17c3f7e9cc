using TiepCongDan.Hub.Bridge;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Bridge;

/// <summary>Caller-mode points: the hub pushes each live session to every point its province has, over real libsrt on loopback.</summary>
public sealed class CallerPoint_Tests
{
    [Fact]
    public async Task A_session_reaches_two_caller_points_with_every_packet_in_order_and_not_a_third_of_another_province()
    {
        using var province = new TestPoint(BridgeHarness.PassphraseOf("tinh-14"));
        using var central = new TestPoint(BridgeHarness.PassphraseOf("trung-uong"));
        using var other = new TestPoint(BridgeHarness.PassphraseOf("tinh-01"));
        province.Start();
        central.Start();
        other.Start();
        await using var harness = await BridgeHarness.StartAsync(
        [
            BridgeHarness.CallerPoint("tinh-14", province, "14"),
            BridgeHarness.CallerPoint("trung-uong", central, "*"),
            BridgeHarness.CallerPoint("tinh-01", other, "01"),
        ]);
        var session = BridgeHarness.NewSession();
        harness.Bus.Start(session, BridgeHarness.Kiosk, BridgeHarness.Province);
        var bridge = harness.Service.Find(session)!;
        Assert.Equal(2, bridge.Outputs.Count);
        await Eventually.True(() => bridge.Outputs.All(o => o.State == OutputState.Connected), "both points connected", 15_000);

        const int segments = 5, packetsPerSegment = 300;
        for (var s = 0; s < segments; s++)
        {
            NumberedTs.Publish(harness.Bus, session, NumberedTs.Segment(session, s, s * packetsPerSegment, packetsPerSegment));
            await Task.Delay(20);
        }

        const int total = segments * packetsPerSegment;
        await Eventually.True(() => province.Latest().Count(n => n >= 0) >= total && central.Latest().Count(n => n >= 0) >= total, "every packet at both points", 15_000);
        foreach (var point in new[] { province, central })
        {
            var seen = point.Latest();
            NumberedTs.AssertInOrderFromMarker(seen, total);
            Assert.Equal(segments, seen.Count(n => n < 0));
            Assert.Equal(0, seen.First(n => n >= 0));
            Assert.Equal($"#!::r=session/{session},m=publish,u=hub,s={session}", point.StreamIds.Single());
        }

        Assert.Equal(0, other.Connections);
        Assert.All(bridge.Outputs, o => Assert.Equal(0, o.Drops));
        Assert.All(bridge.Outputs, o => Assert.True(o.BytesSent >= total * 188L));
        Assert.True(harness.Service.AddedLatency.Count >= 2 * total / 7, "every message sent is timed through the hub");
    }

    [Fact]
    public async Task When_the_session_ends_the_hub_hangs_up_on_its_points()
    {
        using var point = new TestPoint(BridgeHarness.PassphraseOf("tinh-14"));
        point.Start();
        await using var harness = await BridgeHarness.StartAsync([BridgeHarness.CallerPoint("tinh-14", point, "14")]);
        var session = BridgeHarness.NewSession();
        harness.Bus.Start(session, BridgeHarness.Kiosk, BridgeHarness.Province);
        await Eventually.True(() => harness.Service.Find(session)?.Outputs.Single().State == OutputState.Connected, "the point connected", 15_000);
        NumberedTs.Publish(harness.Bus, session, NumberedTs.Segment(session, 0, 0, 70));
        await Eventually.True(() => point.Latest().Count == 71, "the segment arrived", 15_000);

        harness.Bus.End(session);
        Assert.Null(harness.Service.Find(session));
        await Eventually.True(() => point.Ended == 1, "the point's connection closed by the hub", 15_000);
        Assert.Equal(1, point.Connections);
    }

    [Fact]
    public async Task A_point_that_disappears_and_returns_is_called_again_and_restarts_at_a_segment_marker()
    {
        using var point = new TestPoint(BridgeHarness.PassphraseOf("tinh-14"));
        point.Start();
        await using var harness = await BridgeHarness.StartAsync([BridgeHarness.CallerPoint("tinh-14", point, "14")]);
        var session = BridgeHarness.NewSession();
        harness.Bus.Start(session, BridgeHarness.Kiosk, BridgeHarness.Province);
        var output = () => harness.Service.Find(session)!.Outputs.Single();
        await Eventually.True(() => output().State == OutputState.Connected, "the point connected", 15_000);

        using var publishing = new CancellationTokenSource();
        var number = 0;
        var sequence = 0;
        var publisher = Task.Run(async () =>
        {
            while (!publishing.IsCancellationRequested)
            {
                NumberedTs.Publish(harness.Bus, session, NumberedTs.Segment(session, sequence++, number, 60));
                number += 60;
                await Task.Delay(30);
            }
        });
        try
        {
            await Eventually.True(() => point.Latest().Count > 200, "data before the outage", 15_000);
            point.Stop();
            await Eventually.True(() => output().State != OutputState.Connected, "the hub noticed the point is gone", 20_000);
            await Task.Delay(500);
            point.Start();
            await Eventually.True(() => point.Connections == 2 && point.Latest().Count > 300, "the hub called again and data flows", 20_000);
        }
        finally
        {
            await publishing.CancelAsync();
            await publisher;
        }

        var afterReturn = point.Latest();
        NumberedTs.AssertInOrderFromMarker(afterReturn, 200);
        Assert.True(output().Connects >= 2);
    }

    [Fact]
    public async Task A_point_that_refuses_the_hubs_passphrase_shows_as_refused()
    {
        using var point = new TestPoint("the-point-changed-its-passphrase");
        point.Start();
        await using var harness = await BridgeHarness.StartAsync([BridgeHarness.CallerPoint("tinh-14", point, "14")]);
        var session = BridgeHarness.NewSession();
        harness.Bus.Start(session, BridgeHarness.Kiosk, BridgeHarness.Province);
        await Eventually.True(() => harness.Service.Find(session)!.Outputs.Single().State == OutputState.Refused, "the output shows the refusal", 15_000);
        Assert.Equal(0, point.Connections);
        Assert.Equal(0, harness.Service.Find(session)!.Outputs.Single().Connects);
    }
}
