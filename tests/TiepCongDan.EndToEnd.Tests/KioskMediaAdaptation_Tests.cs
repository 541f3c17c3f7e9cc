using System.Net;
using System.Text.RegularExpressions;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.EndToEnd.Tests.Fixtures;
using TiepCongDan.Srt.Tests.Relay;

namespace TiepCongDan.EndToEnd.Tests;

/// <summary>
/// A mountain-commune 4G link played by the user-space relay between the kiosk and the receiver:
/// 10 % loss, 300 ms round trip, 1 Mbit/s. The kiosk must step down its bitrate ladder, and back
/// up once the link recovers, each change logged.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed partial class KioskMediaAdaptation_Tests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new("media-adapt");

    [Fact]
    public async Task On_a_lossy_slow_link_the_encoder_steps_down_the_ladder_and_back_up_when_the_link_recovers()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(170));
        var ct = cts.Token;
        const string kiosk = "14-04176";
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        var receiverPort = FreePort.NextUdp();
        await using var receiver = SrtReceiverProcess.Start(receiverPort, MediaKiosk.PassphraseFor(hub, kiosk), _dir.Combine("received.ts"), latencyMs: 1200);
        using var relay = new UdpImpairmentRelay(new IPEndPoint(IPAddress.Loopback, receiverPort), seed: 7);
        await using var edge = EdgeProcess.Start(kiosk, hub, extraArguments: MediaKiosk.Arguments(hub, kiosk, relay.Port,
            ladder: "1800k@640x360,900k@640x360,450k@640x360,200k@426x240",
            extra: ["--Edge:Media:Srt:LatencyMs=1200", "--Edge:Media:AdaptationUpHoldSeconds=8"]));
        await edge.WaitOnHubAsync(hub, d => d.Online, TimeSpan.FromSeconds(45), "online", ct);
        await MediaKiosk.StartSessionAsync(hub, edge, ct);
        await hub.WaitForDeviceAsync(kiosk, d => d.MetricText(MediaMetrics.UplinkState) == "connected", TimeSpan.FromSeconds(20), "SRT connected", edge.Describe, ct);

        relay.Delay = TimeSpan.FromMilliseconds(150);
        relay.LossPercent = 10;
        relay.BandwidthKbps = 1000;
        var down = await Poll.UntilAsync(_ => Task.FromResult(LadderLines(edge, "down")), l => l.Count >= 1, TimeSpan.FromSeconds(45),
            "a step down the ladder", edge.Describe, cancellationToken: ct);
        output.WriteLine("down: " + string.Join("\n", down));
        var rtt = (await hub.GetDeviceAsync(kiosk, ct))!.MetricText(MediaMetrics.UplinkRttMs);
        output.WriteLine("RTT on the bad link: " + rtt);

        relay.Delay = TimeSpan.Zero;
        relay.LossPercent = 0;
        relay.BandwidthKbps = 0;
        var up = await Poll.UntilAsync(_ => Task.FromResult(LadderLines(edge, "up")), l => l.Count >= 1, TimeSpan.FromSeconds(60),
            "a step back up after the link recovered", edge.Describe, cancellationToken: ct);
        output.WriteLine("up: " + string.Join("\n", up));
        await MediaKiosk.StopSessionAsync(hub, edge, ct);
        Assert.Contains(up, l => l.Contains("Ladder up", StringComparison.Ordinal));
    }

    private static List<string> LadderLines(EdgeProcess edge, string direction) =>
        edge.Process!.Output.ToString().Split('\n').Where(l => LadderLine().IsMatch(l) && l.Contains("Ladder " + direction, StringComparison.Ordinal)).ToList();

    [GeneratedRegex("Ladder (down|up) to")]
    private static partial Regex LadderLine();

    public void Dispose() => _dir.Dispose();
}
