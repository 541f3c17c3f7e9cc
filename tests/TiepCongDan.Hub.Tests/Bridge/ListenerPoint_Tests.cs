using TiepCongDan.Hub.Bridge;
using TiepCongDan.Hub.Tests.Infrastructure;
using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Tests.Bridge;

/// <summary>Listener-mode points pull a session from the bridge listener; the listener's access control.</summary>
public sealed class ListenerPoint_Tests
{
    [Fact]
    public async Task A_point_pulling_mid_session_gets_everything_from_the_next_segment_marker_on()
    {
        await using var harness = await BridgeHarness.StartAsync([BridgeHarness.ListenerPoint("tinh-14", "14")]);
        var session = BridgeHarness.NewSession();
        harness.Bus.Start(session, BridgeHarness.Kiosk, BridgeHarness.Province);
        using var publishing = new CancellationTokenSource();
        var publisher = PublishContinuously(harness, session, publishing.Token);
        var seen = new List<long>();
        try
        {
            await Task.Delay(300);
            using var connection = harness.Call(BridgeStreamId.ForPointRequest(session, "tinh-14"), BridgeHarness.PassphraseOf("tinh-14"));
            connection.SetReceiveTimeout(TimeSpan.FromSeconds(5));
            var buffer = new byte[1500];
            while (seen.Count(n => n >= 0) < 1000)
            {
                var n = connection.Receive(buffer);
                Assert.True(n > 0, "the hub closed the pull connection");
                NumberedTs.Read(buffer.AsSpan(0, n), seen);
            }

            var output = harness.Service.Find(session)!.Outputs.Single();
            Assert.Equal(OutputKind.Pull, output.Kind);
            Assert.Equal("tinh-14", output.Receiver);
        }
        finally
        {
            await publishing.CancelAsync();
            await publisher;
        }

        NumberedTs.AssertInOrderFromMarker(seen, 1000);
        Assert.True(seen.First(n => n >= 0) > 0, "the point joined late, so its first packet is not the session's first");
        await Eventually.True(() => harness.Service.Find(session)!.Outputs.Count == 0, "the pull output left after the point hung up", 15_000);
    }

    [Fact]
    public async Task A_point_not_allowed_for_the_province_is_refused_1403()
    {
        await using var harness = await BridgeHarness.StartAsync([BridgeHarness.ListenerPoint("tinh-01", "01")]);
        var session = BridgeHarness.NewSession();
        harness.Bus.Start(session, BridgeHarness.Kiosk, BridgeHarness.Province);
        var refused = Assert.Throws<SrtConnectException>(() => harness.Call(BridgeStreamId.ForPointRequest(session, "tinh-01"), BridgeHarness.PassphraseOf("tinh-01")));
        Assert.Equal(SrtRejectReason.PeerRejected, refused.Reason);
        Assert.Equal(BridgeRefusal.Forbidden, refused.UserCode);
        Assert.Equal(1, harness.Service.Refusals.Get("1403"));
    }

    [Fact]
    public async Task A_point_that_is_not_configured_is_refused_1403()
    {
        await using var harness = await BridgeHarness.StartAsync([BridgeHarness.ListenerPoint("tinh-14", "14")]);
        var session = BridgeHarness.NewSession();
        harness.Bus.Start(session, BridgeHarness.Kiosk, BridgeHarness.Province);
        var refused = Assert.Throws<SrtConnectException>(() => harness.Call(BridgeStreamId.ForPointRequest(session, "ke-gian"), BridgeHarness.PassphraseOf("ke-gian")));
        Assert.Equal(BridgeRefusal.Forbidden, refused.UserCode);
    }

    [Fact]
    public async Task An_unknown_session_is_refused_1404()
    {
        await using var harness = await BridgeHarness.StartAsync([BridgeHarness.ListenerPoint("tinh-14", "14")]);
        var refused = Assert.Throws<SrtConnectException>(() => harness.Call(BridgeStreamId.ForPointRequest(BridgeHarness.NewSession(), "tinh-14"), BridgeHarness.PassphraseOf("tinh-14")));
        Assert.Equal(BridgeRefusal.UnknownSession, refused.UserCode);
        Assert.Equal(1, harness.Service.Refusals.Get("1404"));
    }

    [Fact]
    public async Task A_point_with_a_wrong_passphrase_does_not_connect()
    {
        await using var harness = await BridgeHarness.StartAsync([BridgeHarness.ListenerPoint("tinh-14", "14")]);
        var session = BridgeHarness.NewSession();
        harness.Bus.Start(session, BridgeHarness.Kiosk, BridgeHarness.Province);
        var refused = Assert.Throws<SrtConnectException>(() => harness.Call(BridgeStreamId.ForPointRequest(session, "tinh-14"), "not-the-point-passphrase"));
        Assert.Equal(SrtRejectReason.BadSecret, refused.Reason);
    }

    [Fact]
    public async Task A_stream_id_the_bridge_does_not_understand_is_refused_1400()
    {
        await using var harness = await BridgeHarness.StartAsync([BridgeHarness.ListenerPoint("tinh-14", "14")]);
        var refused = Assert.Throws<SrtConnectException>(() => harness.Call("#!::r=kiosk/14-04171,m=publish,u=14-04171", BridgeHarness.PassphraseOf("tinh-14")));
        Assert.Equal(BridgeRefusal.BadStreamId, refused.UserCode);
    }

    private static Task PublishContinuously(BridgeHarness harness, string session, CancellationToken token) =>
        Task.Run(async () => await PublishUntilAsync(harness, session, token), CancellationToken.None);

    private static async Task PublishUntilAsync(BridgeHarness harness, string session, CancellationToken token)
    {
        var number = 0;
        var sequence = 0;
        while (!token.IsCancellationRequested)
        {
            NumberedTs.Publish(harness.Bus, session, NumberedTs.Segment(session, sequence++, number, 50));
            number += 50;
            await Task.Delay(20, CancellationToken.None);
        }
    }
}
