using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests;

/// <summary>
/// A lost data message (a gap in Sparkplug's seq) must make the hub ask the kiosk to rebirth, and
/// the kiosk's fresh birth must put the hub right again. The test plays the kiosk at the protocol
/// level (with the kiosk's real credentials) because a healthy tcd-edge never skips a seq.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class SequenceGap_Tests
{
    private const string Kiosk = "92-31117";
    private const string Load = NodeMetrics.CpuLoad;

    [Fact]
    public async Task A_seq_gap_makes_the_hub_request_a_rebirth_and_the_new_birth_recovers_the_kiosk()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = cts.Token;
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        var (kiosk, result) = await SparkplugTestClient.ConnectAsync("127.0.0.1", hub.MqttPort, Kiosk, Kiosk, hub.Secret.PasswordFor(Kiosk), ct);
        await using (kiosk)
        {
            Assert.Equal(MQTTnet.MqttClientConnectResultCode.Success, result);
            var province = KioskId.ProvinceOf(Kiosk);
            await kiosk.SubscribeAsync(SparkplugTopic.Node(province, SparkplugMessageType.NCMD, Kiosk), ct);
            var birthTopic = SparkplugTopic.Node(province, SparkplugMessageType.NBIRTH, Kiosk);
            var dataTopic = SparkplugTopic.Node(province, SparkplugMessageType.NDATA, Kiosk);

            await kiosk.PublishAsync(birthTopic, Birth(bdSeq: 3, load: 0.10), ct);
            await hub.WaitForDeviceAsync(Kiosk, d => d.Online && d.BdSeq == 3, TimeSpan.FromSeconds(10), "born", cancellationToken: ct);
            await kiosk.PublishAsync(dataTopic, Data(seq: 1, load: 0.20), ct);
            await hub.WaitForDeviceAsync(Kiosk, d => d.MetricText(Load) == "0.2", TimeSpan.FromSeconds(10), "seq 1 applied", cancellationToken: ct);

            // seq 2..4 "lost": seq 5 arrives next.
            var rebirthsBefore = (await hub.GetMetricsAsync(ct)).Sum("tcd_hub_rebirth_requests_total");
            await kiosk.PublishAsync(dataTopic, Data(seq: 5, load: 0.50), ct);
            await Poll.UntilAsync(
                _ => Task.FromResult(kiosk.Of(SparkplugMessageType.NCMD, Kiosk).Any(m => RequestsRebirth(m.Payload))),
                TimeSpan.FromSeconds(10), "an NCMD Node Control/Rebirth from the hub", hub.Describe, cancellationToken: ct);
            var rebirthsAfter = (await hub.GetMetricsAsync(ct)).Sum("tcd_hub_rebirth_requests_total");
            Assert.True(rebirthsAfter > rebirthsBefore, $"tcd_hub_rebirth_requests_total {rebirthsBefore} -> {rebirthsAfter}");

            // The kiosk answers as tcd-edge does: a new NBIRTH in the same session (same bdSeq), seq from 0.
            await kiosk.PublishAsync(birthTopic, Birth(bdSeq: 3, load: 0.60), ct);
            await kiosk.PublishAsync(dataTopic, Data(seq: 1, load: 0.70), ct);
            var recovered = await hub.WaitForDeviceAsync(Kiosk, d => d.MetricText(Load) == "0.7", TimeSpan.FromSeconds(10),
                "data after the rebirth applied", cancellationToken: ct);
            Assert.True(recovered!.Online);
            Assert.Equal(3, recovered.BdSeq);
        }
    }

    private static bool RequestsRebirth(Payload? payload) =>
        payload?.Metrics.Any(m => m.Name == NodeMetrics.Rebirth && m.BooleanValue) == true;

    private static Payload Birth(ulong bdSeq, double load)
    {
        var now = Now();
        var birth = new Payload { Timestamp = now, Seq = 0 };
        birth.Metrics.Add(MetricFactory.Create(NodeMetrics.BdSeq, 0, SparkplugValue.OfUInt64(bdSeq), now));
        birth.Metrics.Add(MetricFactory.Create(NodeMetrics.Rebirth, 0, SparkplugValue.Of(false), now));
        birth.Metrics.Add(MetricFactory.Create(Load, 0, SparkplugValue.Of(load), now));
        return birth;
    }

    private static Payload Data(ulong seq, double load)
    {
        var now = Now();
        var data = new Payload { Timestamp = now, Seq = seq };
        data.Metrics.Add(MetricFactory.Create(Load, 0, SparkplugValue.Of(load), now));
        return data;
    }

    private static ulong Now() => (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
