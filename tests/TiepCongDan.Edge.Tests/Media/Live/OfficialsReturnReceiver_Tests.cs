using TiepCongDan.Contracts.Media;
using TiepCongDan.Edge.Media.Live;
using TiepCongDan.Edge.Tests.Infrastructure;
using TiepCongDan.Edge.Tests.Media.Uplink;
using TiepCongDan.Srt;

namespace TiepCongDan.Edge.Tests.Media.Live;

/// <summary>The kiosk's side of the officials' return stream against a real libsrt listener on loopback (the hub's bridge stands in).</summary>
public sealed class OfficialsReturnReceiver_Tests
{
    [Fact]
    public async Task The_kiosk_asks_for_its_sessions_return_with_its_own_passphrase_and_hands_every_message_to_the_page()
    {
        var port = UplinkTestKit.FreeUdpPort();
        SrtHandshake? handshake = null;
        using var bridge = await UplinkTestKit.ListenAsync(port, h =>
        {
            handshake = h;
            return SrtAcceptDecision.Accept(UplinkTestKit.Secret);
        });
        var settings = UplinkTestKit.Settings(port);
        var feed = new LiveTsFeed();
        feed.Begin(settings.SessionId);
        var received = new MemoryStream();
        using var watching = feed.Subscribe(settings.SessionId, p =>
        {
            lock (received)
            {
                received.Write(p);
            }
        }, () => { });
        await using var receiver = new OfficialsReturnReceiver(settings, feed, TimeProvider.System, new RecordingLogger());
        receiver.Start();

        using var kiosk = await bridge.AcceptAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal($"#!::r=return/{settings.SessionId},m=request,u=14-04171,s={settings.SessionId}", kiosk.StreamId);
        Assert.Equal(SrtStreamId.KioskReturn("14-04171", settings.SessionId).ToString(), handshake!.StreamId);
        var sent = new MemoryStream();
        for (var i = 0; i < 50; i++)
        {
            var message = UplinkTestKit.TsPackets(i * 7, 7);
            kiosk.Send(message);
            sent.Write(message);
        }

        await UplinkTestKit.WaitUntil(() => receiver.BytesReceived == sent.Length, TimeSpan.FromSeconds(20), "every message received");
        lock (received)
        {
            Assert.Equal(sent.ToArray(), received.ToArray());
        }

        Assert.True(receiver.IsConnected);
        Assert.Equal(1, receiver.Connects);
    }

    [Fact]
    public async Task Refused_while_the_session_is_not_live_at_the_hub_it_asks_again_and_gets_the_stream_once_it_is()
    {
        var port = UplinkTestKit.FreeUdpPort();
        var attempts = 0;
        // 1404 twice (the uplink has not reached the hub yet), then accepted.
        using var bridge = await UplinkTestKit.ListenAsync(port, _ => Interlocked.Increment(ref attempts) <= 2 ? SrtAcceptDecision.Reject(1404) : SrtAcceptDecision.Accept(UplinkTestKit.Secret));
        var settings = UplinkTestKit.Settings(port);
        var feed = new LiveTsFeed();
        feed.Begin(settings.SessionId);
        var logger = new RecordingLogger();
        await using var receiver = new OfficialsReturnReceiver(settings, feed, TimeProvider.System, logger);
        receiver.Start();

        // As the bridge does, every accepted connection gets a steady stream (a message every 50 ms),
        // not one message: on a loaded machine a caller may give up on a handshake the listener still
        // accepts, and a lone message sent before the caller has finished connecting can be lost
        // with nothing after it to reveal the gap.
        using var accepting = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var accepted = new List<SrtConnection>();
        var serving = Task.Run(async () =>
        {
            while (!accepting.IsCancellationRequested)
            {
                try
                {
                    var kiosk = await bridge.AcceptAsync(accepting.Token);
                    lock (accepted)
                    {
                        accepted.Add(kiosk);
                    }
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
        var streaming = Task.Run(async () =>
        {
            var counter = 0;
            while (!accepting.IsCancellationRequested)
            {
                SrtConnection[] open;
                lock (accepted)
                {
                    open = [.. accepted];
                }

                foreach (var connection in open)
                {
                    try
                    {
                        connection.Send(UplinkTestKit.TsPackets(counter * 7, 7));
                    }
                    catch (SrtException)
                    {
                        // A connection the caller abandoned.
                    }
                }

                counter++;
                await Task.Delay(50, CancellationToken.None);
            }
        });
        await UplinkTestKit.WaitUntil(() => receiver.BytesReceived >= 7 * 188, TimeSpan.FromSeconds(20), "the stream after two refusals");
        await accepting.CancelAsync();
        await serving;
        await streaming;
        accepted.ForEach(c => c.Dispose());
        Assert.True(Volatile.Read(ref attempts) >= 3, $"attempts: {attempts}");
        Assert.True(receiver.Connects >= 1);
    }

    [Fact]
    public async Task Stopping_while_the_hub_cannot_be_reached_returns_promptly()
    {
        var settings = UplinkTestKit.Settings(UplinkTestKit.FreeUdpPort());
        var receiver = new OfficialsReturnReceiver(settings, new LiveTsFeed(), TimeProvider.System, new RecordingLogger());
        receiver.Start();
        await Task.Delay(1500);
        var stopping = receiver.DisposeAsync().AsTask();
        var finished = await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(15)));
        Assert.Same(stopping, finished);
        Assert.Equal(0, receiver.Connects);
    }
}
