using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Edge.Media.Uplink;
using TiepCongDan.Edge.Tests.Infrastructure;
using TiepCongDan.Srt;

namespace TiepCongDan.Edge.Tests.Media.Uplink;

public sealed class SrtUplinkTests
{
    [Fact]
    public async Task Data_arrives_at_the_hub_under_the_kiosk_publish_stream_id()
    {
        var port = UplinkTestKit.FreeUdpPort();
        SrtHandshake? handshake = null;
        using var hub = await UplinkTestKit.ListenAsync(port, h =>
        {
            handshake = h;
            return SrtAcceptDecision.Accept(UplinkTestKit.Secret);
        });
        var samples = new List<SrtLinkSample>();
        await using var uplink = new SrtUplink(UplinkTestKit.Settings(port), TimeProvider.System, new RecordingLogger());
        uplink.Sampled += s =>
        {
            lock (samples)
            {
                samples.Add(s);
            }
        };
        uplink.Start();
        using var accepted = await hub.AcceptAsync().WaitAsync(TimeSpan.FromSeconds(20));

        var sent = new MemoryStream();
        for (var i = 0; i < 200; i++)
        {
            // Odd sizes on purpose: 3, 10, 17 ... packets per call, as a recorder hands them over.
            var chunk = UplinkTestKit.TsPackets(i * 100, 3 + (i % 5 * 7));
            uplink.Send(chunk);
            sent.Write(chunk);
            await Task.Delay(2);
        }

        Assert.True(await uplink.DrainAsync(TimeSpan.FromSeconds(20)), "everything handed to SRT");
        Assert.Equal(0, uplink.QueuedBytes);
        var received = await Task.Run(() => UplinkTestKit.ReceiveBytes(accepted, (int)sent.Length));
        Assert.Equal(sent.ToArray(), received);
        Assert.Equal(SrtStreamId.Publish("14-04171", "20261123T025100Z-14-04171-9f3a").ToString(), accepted.StreamId);
        Assert.Equal(accepted.StreamId, handshake!.StreamId);
        Assert.Equal(SrtUplinkState.Connected, uplink.State);
        Assert.Equal(1, uplink.Connects);
        await UplinkTestKit.WaitUntil(() => uplink.SentBytes == sent.Length, TimeSpan.FromSeconds(10), "all bytes counted as sent");
        Assert.Equal(0, uplink.DroppedBytes);
        await UplinkTestKit.WaitUntil(() => uplink.LatestStats is { Connected: true, RttMs: > 0 }, TimeSpan.FromSeconds(10), "a connected sample with an RTT");
        lock (samples)
        {
            Assert.Contains(samples, s => s.Connected && s.LatencyMs == 120);
        }
    }

    [Fact]
    public async Task After_the_hub_restarts_on_the_same_port_the_uplink_reconnects_and_Send_never_blocked()
    {
        var port = UplinkTestKit.FreeUdpPort();
        var hub = await UplinkTestKit.ListenAsync(port, _ => SrtAcceptDecision.Accept(UplinkTestKit.Secret));
        await using var uplink = new SrtUplink(UplinkTestKit.Settings(port), TimeProvider.System, new RecordingLogger());
        uplink.Start();
        var first = await hub.AcceptAsync().WaitAsync(TimeSpan.FromSeconds(20));

        using var stopProducer = new CancellationTokenSource();
        var longestSend = TimeSpan.Zero;
        var calls = 0;
        var producer = Task.Run(async () =>
        {
            var n = 0;
            while (!stopProducer.IsCancellationRequested)
            {
                var packets = UplinkTestKit.TsPackets(n, 14);
                n += 14;
                var watch = Stopwatch.StartNew();
                uplink.Send(packets);
                longestSend = TimeSpan.FromTicks(Math.Max(longestSend.Ticks, watch.Elapsed.Ticks));
                calls++;
                await Task.Delay(5);
            }
        });

        try
        {
            Assert.True(UplinkTestKit.ReceiveBytes(first, 20_000).Length >= 20_000);

            // The hub goes away for a few seconds.
            first.Dispose();
            hub.Dispose();
            await UplinkTestKit.WaitUntil(() => uplink.State == SrtUplinkState.Down, TimeSpan.FromSeconds(20), "the uplink notices the hub is gone");
            Assert.Equal("Mất kết nối tới trung tâm srt://127.0.0.1:" + port + ", đang kết nối lại", uplink.LastReason);
            await Task.Delay(TimeSpan.FromSeconds(3));
            var callsWhileDown = calls;

            hub = await UplinkTestKit.ListenAsync(port, _ => SrtAcceptDecision.Accept(UplinkTestKit.Secret));
            using var second = await hub.AcceptAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(UplinkTestKit.ReceiveBytes(second, 20_000).Length >= 20_000);
            Assert.Equal(SrtUplinkState.Connected, uplink.State);
            Assert.True(uplink.Connects >= 2);
            Assert.True(callsWhileDown > 50, $"the producer kept calling Send while the hub was down ({callsWhileDown} calls)");
        }
        finally
        {
            await stopProducer.CancelAsync();
            await producer;
            hub.Dispose();
        }

        Assert.True(longestSend < TimeSpan.FromMilliseconds(500), $"the longest Send took {longestSend.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_full_queue_drops_the_oldest_data_and_counts_it()
    {
        var settings = UplinkTestKit.Settings(UplinkTestKit.FreeUdpPort());
        settings.MaxQueueBytes = 64 * 1316;
        await using var uplink = new SrtUplink(settings, TimeProvider.System, new RecordingLogger());
        uplink.Start(); // nobody listens: everything waits in the queue

        for (var i = 0; i < 200; i++)
        {
            uplink.Send(UplinkTestKit.TsPackets(i * 7, 7));
        }

        Assert.True(uplink.QueuedBytes <= settings.MaxQueueBytes);
        Assert.Equal((200 * 1316) - uplink.QueuedBytes, uplink.DroppedBytes);
        Assert.Equal(0, uplink.SentBytes);
    }

    [Fact]
    public async Task Wrong_passphrase_leaves_the_uplink_Refused_with_the_reason_logged_once()
    {
        var port = UplinkTestKit.FreeUdpPort();
        using var hub = await UplinkTestKit.ListenAsync(port, _ => SrtAcceptDecision.Accept(UplinkTestKit.Secret));
        var logger = new RecordingLogger();
        var settings = UplinkTestKit.Settings(port, passphrase: "someone-elses-secret");
        settings.ReconnectMaxDelay = TimeSpan.FromMilliseconds(300);
        var disconnectedSamples = 0;
        await using var uplink = new SrtUplink(settings, TimeProvider.System, logger);
        uplink.Sampled += s => disconnectedSamples += s.Connected ? 0 : 1;
        uplink.Start();

        await UplinkTestKit.WaitUntil(() => disconnectedSamples >= 3, TimeSpan.FromSeconds(30), "three refused attempts");
        Assert.Equal(SrtUplinkState.Refused, uplink.State);
        Assert.Equal("Trung tâm từ chối luồng: sai mật khẩu SRT", uplink.LastReason);
        Assert.Equal(0, uplink.Connects);
        Assert.Single(logger.Entries, e => e.EventId == 7403 && e.Level == LogLevel.Error);
        Assert.DoesNotContain(logger.Entries, e => e.Message.Contains("someone-elses-secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_hub_that_forbids_the_stream_is_Refused_with_the_code()
    {
        var port = UplinkTestKit.FreeUdpPort();
        using var hub = await UplinkTestKit.ListenAsync(port, _ => SrtAcceptDecision.Reject(1403));
        await using var uplink = new SrtUplink(UplinkTestKit.Settings(port), TimeProvider.System, new RecordingLogger());
        uplink.Start();
        await UplinkTestKit.WaitUntil(() => uplink.State == SrtUplinkState.Refused, TimeSpan.FromSeconds(20), "refused");
        Assert.Contains("1403", uplink.LastReason!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_listening_is_Down_with_a_timeout_reason_and_DisposeAsync_stops_it()
    {
        var port = UplinkTestKit.FreeUdpPort();
        var uplink = new SrtUplink(UplinkTestKit.Settings(port), TimeProvider.System, new RecordingLogger());
        uplink.Start();
        await UplinkTestKit.WaitUntil(() => uplink.State == SrtUplinkState.Down, TimeSpan.FromSeconds(20), "down");
        Assert.Equal($"Không kết nối được trung tâm srt://127.0.0.1:{port}: hết thời gian chờ", uplink.LastReason);
        uplink.Send(UplinkTestKit.TsPackets(0, 7));
        Assert.False(await uplink.DrainAsync(TimeSpan.FromSeconds(30)).WaitAsync(TimeSpan.FromSeconds(5)), "no link: drain gives up at once");

        await uplink.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(SrtUplinkState.Stopped, uplink.State);
        uplink.Send(UplinkTestKit.TsPackets(0, 7));
        Assert.True(uplink.DroppedBytes >= 1316);
    }

    [Fact]
    public async Task DisposeAsync_closes_the_live_connection()
    {
        var port = UplinkTestKit.FreeUdpPort();
        using var hub = await UplinkTestKit.ListenAsync(port, _ => SrtAcceptDecision.Accept(UplinkTestKit.Secret));
        var uplink = new SrtUplink(UplinkTestKit.Settings(port), TimeProvider.System, new RecordingLogger());
        uplink.Start();
        using var accepted = await hub.AcceptAsync().WaitAsync(TimeSpan.FromSeconds(20));
        await uplink.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15));

        await UplinkTestKit.WaitUntil(() => !accepted.IsConnected, TimeSpan.FromSeconds(10), "the hub sees the kiosk close the stream");
        Assert.Equal(0, accepted.Receive(new byte[1500]));
        Assert.Throws<ObjectDisposedException>(uplink.Start);
    }

    [Fact]
    public void Send_rejects_a_partial_TS_packet()
    {
        var uplink = new SrtUplink(UplinkTestKit.Settings(UplinkTestKit.FreeUdpPort()), TimeProvider.System, new RecordingLogger());
        Assert.Throws<ArgumentException>(() => uplink.Send(new byte[200]));
    }
}
