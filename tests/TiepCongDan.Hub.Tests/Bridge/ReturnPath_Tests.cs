using TiepCongDan.Hub.Bridge;
using TiepCongDan.Hub.Tests.Infrastructure;
using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Tests.Bridge;

/// <summary>The officials' picture and voice back to the kiosk of the session.</summary>
public sealed class ReturnPath_Tests
{
    [Fact]
    public async Task One_official_publishing_reaches_the_kiosk_as_is()
    {
        await using var harness = await BridgeHarness.StartAsync([BridgeHarness.ListenerPoint("tinh-14", "14")]);
        var session = BridgeHarness.NewSession();
        harness.Bus.Start(session, BridgeHarness.Kiosk, BridgeHarness.Province);
        using var kiosk = harness.Call(BridgeStreamId.ForKioskReturn(session, BridgeHarness.Kiosk), harness.KioskPassphrase(BridgeHarness.Kiosk));
        var bridge = harness.Service.Find(session)!;
        await Eventually.True(() => bridge.Return.KioskOutputs.Any(o => o.State == OutputState.Connected), "the kiosk's return output", 10_000);
        using var official = harness.Call(BridgeStreamId.ForPointPublish(session, "tinh-14"), BridgeHarness.PassphraseOf("tinh-14"));
        await Eventually.True(() => bridge.Return.Publishers.Count == 1, "the official publishing", 10_000);

        const int messages = 400;
        var sent = new List<byte[]>();
        for (var i = 0; i < messages; i++)
        {
            var segment = NumberedTs.Segment(session, 0, i * 7, 6); // marker + 6 packets = 7 packets, one message
            official.Send(segment);
            sent.Add(segment);
            if (i % 20 == 0)
            {
                await Task.Delay(5);
            }
        }

        kiosk.SetReceiveTimeout(TimeSpan.FromSeconds(5));
        var buffer = new byte[1500];
        for (var i = 0; i < messages; i++)
        {
            var n = kiosk.Receive(buffer);
            Assert.Equal(sent[i], buffer[..n]);
        }

        Assert.False(bridge.Return.IsComposing);
        Assert.True(bridge.Return.Publishers.Single().BytesReceived >= messages * 1316L);
    }

    [Fact]
    public async Task A_kiosk_asking_for_another_kiosks_return_is_refused_1403()
    {
        await using var harness = await BridgeHarness.StartAsync([BridgeHarness.ListenerPoint("tinh-14", "14")]);
        var session = BridgeHarness.NewSession();
        harness.Bus.Start(session, BridgeHarness.Kiosk, BridgeHarness.Province);
        const string intruder = "14-04999";
        var refused = Assert.Throws<SrtConnectException>(() => harness.Call(BridgeStreamId.ForKioskReturn(session, intruder), harness.KioskPassphrase(intruder)));
        Assert.Equal(BridgeRefusal.Forbidden, refused.UserCode);
    }

    [Fact]
    public async Task The_kiosk_with_a_passphrase_not_its_own_does_not_connect()
    {
        await using var harness = await BridgeHarness.StartAsync([BridgeHarness.ListenerPoint("tinh-14", "14")]);
        var session = BridgeHarness.NewSession();
        harness.Bus.Start(session, BridgeHarness.Kiosk, BridgeHarness.Province);
        var refused = Assert.Throws<SrtConnectException>(() => harness.Call(BridgeStreamId.ForKioskReturn(session, BridgeHarness.Kiosk), harness.KioskPassphrase("14-04999")));
        Assert.Equal(SrtRejectReason.BadSecret, refused.Reason);
    }
}
