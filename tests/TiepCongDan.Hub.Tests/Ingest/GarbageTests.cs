using System.Net;
using System.Net.Sockets;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Hub.Tests.Infrastructure;
using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Tests.Ingest;

/// <summary>Garbage on the SRT port and truncated TS: the session survives or ends cleanly, other sessions are untouched.</summary>
public sealed class GarbageTests : IClassFixture<IngestHubFixture>
{
    private readonly IngestHubFixture _fixture;

    public GarbageTests(IngestHubFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Garbage_and_truncated_ts_beside_a_good_session_leave_it_whole()
    {
        const string Good = "14-00081";
        await using var kiosk = new StreamingKiosk(Good, _fixture.SrtPort, _fixture.Passphrase(Good));
        var goodSink = new PacketSink();
        using var goodSubscription = _fixture.Bus.Subscribe(kiosk.SessionId, goodSink.Handler);
        await kiosk.ConnectAsync();
        var badBefore = _fixture.Metrics.BadPackets;

        var streaming = Task.Run(() => kiosk.StreamAsync(IngestTestMedia.StandardStream));
        var garbage = Task.Run(SendOnlyGarbageUntilClosed);
        var truncated = Task.Run(SendTruncatedTs);
        var udp = Task.Run(SprayRawUdp);
        await Task.WhenAll(streaming, garbage, truncated, udp);

        var sent = kiosk.Sent;
        await Eventually.True(() => goodSink.Length >= sent.Length, "the good session's subscriber to get everything", 20_000);
        Assert.Equal(sent, goodSink.ToArray());
        Assert.True(_fixture.Metrics.BadPackets > badBefore, "malformed packets are counted");
        var journal = kiosk.JournalSegments;
        await Eventually.True(() => _fixture.Hub.Get<TiepCongDan.Hub.Media.SegmentUploadService>().Confirmed(kiosk.SessionId).Count == journal.Count - 1,
            "the good session's segments to be confirmed despite the garbage", 20_000);

        // The ingest still accepts callers afterwards.
        using var after = _fixture.ConnectAs("14-00084", MediaSessionId.New("14-00084", DateTimeOffset.UtcNow));
        Assert.True(after.IsConnected);
    }

    /// <summary>An authenticated kiosk that sends nothing but noise is cut off after a few seconds, with a log line.</summary>
    private async Task SendOnlyGarbageUntilClosed()
    {
        const string Kiosk = "14-00082";
        var closesBefore = _fixture.Metrics.GarbageCloses.Get();
        var session = MediaSessionId.New(Kiosk, DateTimeOffset.UtcNow);
        using var connection = _fixture.ConnectAs(Kiosk, session);
        var random = new Random(82);
        var message = new byte[SrtConnection.MaxMessageBytes];
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && _fixture.Metrics.GarbageCloses.Get() == closesBefore)
        {
            random.NextBytes(message);
            for (var i = 0; i < message.Length; i += 188)
            {
                message[i] = 0x00; // never a sync byte where a packet should start
            }

            try
            {
                connection.Send(message.AsSpan(0, random.Next(1, message.Length + 1)));
            }
            catch (SrtException)
            {
                break;
            }

            await Task.Delay(20);
        }

        await Eventually.True(() => _fixture.Hub.Logs.Contains($"Kiosk {Kiosk}, session {session}: only malformed TS for 5 s; connection closed"), "the hub to close the garbage-only connection", 30_000);
        Assert.True(_fixture.Metrics.GarbageCloses.Get() > closesBefore);
    }

    /// <summary>Good TS with torn packets among it: the torn ones are dropped, every whole packet still arrives in order.</summary>
    private async Task SendTruncatedTs()
    {
        const string Kiosk = "14-00083";
        var session = MediaSessionId.New(Kiosk, DateTimeOffset.UtcNow);
        var cut = KioskSegments.Cut(Kiosk, session, IngestTestMedia.StandardStream);
        var sink = new PacketSink();
        using var subscription = _fixture.Bus.Subscribe(session, sink.Handler);
        using var connection = _fixture.ConnectAs(Kiosk, session);
        using var expected = new MemoryStream();
        var live = cut.Live;
        var messages = 0;
        for (var offset = 0; offset < live.Length; offset += SrtConnection.MaxMessageBytes, messages++)
        {
            var message = live.AsSpan(offset, Math.Min(SrtConnection.MaxMessageBytes, live.Length - offset));
            if (messages % 50 == 25 && message.Length == SrtConnection.MaxMessageBytes)
            {
                // The last packet of this message is torn off mid-way.
                var torn = message[..(SrtConnection.MaxMessageBytes - 100)];
                connection.Send(torn);
                expected.Write(torn[..(6 * 188)]);
            }
            else
            {
                connection.Send(message);
                expected.Write(message);
            }

            Thread.Sleep(1);
        }

        var want = expected.ToArray();
        await Eventually.True(() => sink.Length >= want.Length, "every whole packet of the torn stream to arrive", 20_000);
        Assert.Equal(want, sink.ToArray());
        Assert.True(connection.IsConnected, "a few torn packets do not end the session");
        Assert.Contains(_fixture.Bus.Sessions, s => s.SessionId == session);
    }

    /// <summary>Datagrams that are not SRT at all, straight at the listening port.</summary>
    private async Task SprayRawUdp()
    {
        using var udp = new UdpClient();
        var random = new Random(7);
        var target = new IPEndPoint(IPAddress.Loopback, _fixture.SrtPort);
        for (var i = 0; i < 2000; i++)
        {
            var datagram = new byte[random.Next(1, 1500)];
            random.NextBytes(datagram);
            await udp.SendAsync(datagram, target);
            if (i % 100 == 0)
            {
                await Task.Delay(10);
            }
        }
    }
}
