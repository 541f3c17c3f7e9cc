using System.Diagnostics;
using System.Net;

namespace TiepCongDan.Srt.Tests.Relay;

public sealed class UdpImpairmentRelayTests
{
    [Fact]
    public void Delay_of_150_ms_each_way_shows_as_an_rtt_near_300_ms()
    {
        using var path = Path.Open(latencyMs: 1000);
        path.Relay.Delay = TimeSpan.FromMilliseconds(150);
        path.SendPaced(messages: 300, kbps: 2000);
        var stats = path.Caller.GetStats(clear: false);
        Assert.InRange(stats.RttMs, 250, 450);
    }

    [Fact]
    public async Task Ten_percent_loss_is_retransmitted_and_everything_arrives_at_1200_ms_latency()
    {
        using var path = Path.Open(latencyMs: 1200);
        path.Relay.LossPercent = 10;
        path.Relay.Delay = TimeSpan.FromMilliseconds(20);
        var receive = Task.Run(() => SrtPipe.ReceiveNumbered(path.Accepted, 1500, TimeSpan.FromSeconds(10)));
        // 60 more than counted: a live stream goes on, and SRT only learns of a lost packet from the ones after it.
        path.SendPaced(messages: 1560, kbps: 3000);

        var seen = await receive.WaitAsync(TimeSpan.FromSeconds(40));
        Assert.Equal(Enumerable.Range(0, 1500), seen);
        var stats = path.Caller.GetStats(clear: false);
        Assert.True(stats.PacketsRetransmittedTotal > 50, $"retransmitted {stats.PacketsRetransmittedTotal}");
        Assert.True(path.Relay.Lost > 50, $"relay lost {path.Relay.Lost}");
    }

    [Fact]
    public async Task Sending_3_mbits_into_a_1000_kbits_cap_fills_the_send_buffer_or_drops()
    {
        using var path = Path.Open(latencyMs: 500);
        path.Relay.BandwidthKbps = 1000;
        path.Relay.QueueLimitBytes = 60_000;
        var drain = Task.Run(() => SrtPipe.ReceiveNumbered(path.Accepted, int.MaxValue, TimeSpan.FromSeconds(3)));
        var peakBufferMs = 0;
        path.SendPaced(messages: 900, kbps: 3000, onTick: () => peakBufferMs = Math.Max(peakBufferMs, path.Caller.GetStats(false).SendBufferMs));

        var stats = path.Caller.GetStats(clear: false);
        Assert.True(path.Relay.QueueDropped > 0, "the bottleneck queue overflowed");
        Assert.True(
            peakBufferMs >= 200 || stats.PacketsSendDroppedTotal > 0,
            $"peak send buffer {peakBufferMs} ms, sender dropped {stats.PacketsSendDroppedTotal}");
        Assert.True(stats.PacketsRetransmittedTotal > 0);
        var delivered = await drain.WaitAsync(TimeSpan.FromSeconds(40));
        Assert.InRange(delivered.Count, 100, 899); // the link carried about a third, not everything
    }

    [Fact]
    public async Task Duplicated_reordered_and_jittered_packets_still_arrive_once_and_in_order()
    {
        using var path = Path.Open(latencyMs: 600);
        path.Relay.DuplicatePercent = 20;
        path.Relay.ReorderPercent = 20;
        path.Relay.Jitter = TimeSpan.FromMilliseconds(15);
        var receive = Task.Run(() => SrtPipe.ReceiveNumbered(path.Accepted, 600, TimeSpan.FromSeconds(10)));
        path.SendPaced(messages: 660, kbps: 2000);

        Assert.Equal(Enumerable.Range(0, 600), await receive.WaitAsync(TimeSpan.FromSeconds(40)));
        Assert.True(path.Relay.Forwarded > 660 * 1.1, $"forwarded {path.Relay.Forwarded}: duplicates were sent");
    }

    [Fact]
    public async Task Cut_drops_everything_until_lifted()
    {
        using var path = Path.Open(latencyMs: 300);
        path.Relay.Cut = true;
        var lostBefore = path.Relay.Lost;
        path.SendPaced(messages: 20, kbps: 1000);
        Assert.True(path.Relay.Lost >= lostBefore + 20);
        path.Relay.Cut = false;

        // What was sent during the cut is past its latency budget; fresh messages must flow again.
        var receive = Task.Run(() => SrtPipe.ReceiveNumbered(path.Accepted, int.MaxValue, TimeSpan.FromSeconds(3)));
        for (var i = 1000; i < 1050; i++)
        {
            path.Caller.Send(SrtPipe.Message(i));
            Thread.Sleep(10);
        }

        var seen = await receive.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(1049, seen);
    }

    /// <summary>Caller → relay → listener, connected.</summary>
    private sealed class Path : IDisposable
    {
        private Path(UdpImpairmentRelay relay, SrtListener listener, SrtConnection caller, SrtConnection accepted)
        {
            Relay = relay;
            Listener = listener;
            Caller = caller;
            Accepted = accepted;
        }

        public UdpImpairmentRelay Relay { get; }

        public SrtListener Listener { get; }

        public SrtConnection Caller { get; }

        public SrtConnection Accepted { get; }

        public static Path Open(int latencyMs)
        {
            var port = SrtTestPorts.FreeUdpPort();
            var listener = SrtListener.Start(port, _ => SrtAcceptDecision.Accept(null), latencyMs, bindAddress: IPAddress.Loopback);
            var relay = new UdpImpairmentRelay(new IPEndPoint(IPAddress.Loopback, port), seed: 42);
            try
            {
                var caller = SrtConnection.Connect(new SrtCallerOptions { Host = "127.0.0.1", Port = relay.Port, LatencyMs = latencyMs });
                return new Path(relay, listener, caller, listener.Accept(TimeSpan.FromSeconds(10)));
            }
            catch
            {
                relay.Dispose();
                listener.Dispose();
                throw;
            }
        }

        /// <summary>Numbered messages at a stream rate, in 20 ms bursts.</summary>
        public void SendPaced(int messages, int kbps, Action? onTick = null)
        {
            var perSecond = kbps * 1000.0 / 8 / SrtConnection.MaxMessageBytes;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < messages;)
            {
                var due = (int)(clock.Elapsed.TotalSeconds * perSecond) + 1;
                for (; i < Math.Min(due, messages); i++)
                {
                    Caller.Send(SrtPipe.Message(i));
                }

                onTick?.Invoke();
                Thread.Sleep(20);
            }
        }

        public void Dispose()
        {
            Caller.Dispose();
            Accepted.Dispose();
            Relay.Dispose();
            Listener.Dispose();
        }
    }
}
