using TiepCongDan.Contracts.Media;
using TiepCongDan.Hub.Ingest;
using TiepCongDan.Hub.Media;
using TiepCongDan.Hub.Tests.Infrastructure;
using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Tests.Ingest;

/// <summary>The live recorder confirms only what the kiosk's markers vouch for.</summary>
public sealed class LiveRecordingTests : IClassFixture<IngestHubFixture>
{
    private readonly IngestHubFixture _fixture;

    public LiveRecordingTests(IngestHubFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Packets_lost_inside_a_segment_discard_its_live_copy_and_its_neighbours_are_confirmed()
    {
        const string Kiosk = "14-00091";
        var session = MediaSessionId.New(Kiosk, DateTimeOffset.UtcNow);
        var cut = KioskSegments.Cut(Kiosk, session, IngestTestMedia.StandardStream);
        Assert.True(cut.Segments.Count >= 4, $"the stream should make at least 4 segments, made {cut.Segments.Count}");
        var mismatchesBefore = _fixture.Metrics.LiveSegmentsDiscarded.Get("hash-mismatch");

        // Ten packets of segment 1 never arrive (as if SRT had given up on them).
        var lossAt = (int)cut.StartOf(1) + (188 * 40);
        var withLoss = cut.Live.AsSpan(0, lossAt).ToArray().Concat(cut.Live.AsSpan(lossAt + (188 * 10)).ToArray()).ToArray();
        var sink = new PacketSink();
        using var subscription = _fixture.Bus.Subscribe(session, sink.Handler);
        using (var connection = _fixture.ConnectAs(Kiosk, session))
        {
            SrtSend.Paced(connection, withLoss);
            await Eventually.True(() => sink.Length >= withLoss.Length, "the stream to arrive", 20_000);
        }

        var uploads = _fixture.Hub.Get<SegmentUploadService>();
        var expected = cut.Segments.Where(s => s.Sequence != 1).SkipLast(1).ToList();
        await Eventually.True(() => uploads.Confirmed(session).Count >= expected.Count, "the intact segments to be confirmed", 20_000);
        Assert.Equal(expected.Select(s => (s.Sequence, s.Sha256)), uploads.Confirmed(session).Select(s => (s.Sequence, s.Sha256)));
        Assert.True(_fixture.Metrics.LiveSegmentsDiscarded.Get("hash-mismatch") > mismatchesBefore);
    }

    [Fact]
    public async Task A_hub_restarted_in_the_same_process_listens_on_its_port_again_and_remembers_who_owns_a_session()
    {
        var port = UdpPorts.Next();
        var directory = Path.Combine(Path.GetTempPath(), "tcd-ingest-restart-" + Guid.NewGuid().ToString("N"));
        string[] args = [$"--Hub:Media:Ingest:Port={port}", "--Hub:Media:Ingest:BindAddress=127.0.0.1"];
        const string Kiosk = "14-00092";
        var session = MediaSessionId.New(Kiosk, DateTimeOffset.UtcNow);
        var cut = KioskSegments.Cut(Kiosk, session, IngestTestMedia.StandardStream);
        try
        {
            await using (var hub = await TestHub.StartInAsync(directory, args))
            {
                using var connection = Connect(hub, port, Kiosk, session);
                SrtSend.Paced(connection, cut.Live);
                await Eventually.True(() => hub.Get<SegmentUploadService>().Confirmed(session).Count == cut.Segments.Count - 1, "the segments to be confirmed", 20_000);
            }

            await using var restarted = await TestHub.StartInAsync(directory, args);
            using var again = Connect(restarted, port, Kiosk, session);
            Assert.True(again.IsConnected);
            var refused = Assert.Throws<SrtConnectException>(() => Connect(restarted, port, "14-00093", session));
            Assert.Equal(1403, refused.UserCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static SrtConnection Connect(TestHub hub, int port, string kiosk, string session) => SrtConnection.Connect(new SrtCallerOptions
    {
        Host = "127.0.0.1",
        Port = port,
        StreamId = SrtStreamId.Publish(kiosk, session).ToString(),
        Passphrase = MediaCredentials.DeriveSrtPassphrase(hub.Get<TiepCongDan.Hub.Broker.FleetSecret>().Bytes, kiosk),
    });
}
