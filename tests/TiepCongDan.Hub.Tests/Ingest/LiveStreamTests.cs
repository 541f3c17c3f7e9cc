using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.Edge.Media.Upload;
using TiepCongDan.Hub.Ingest;
using TiepCongDan.Hub.Media;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Ingest;

/// <summary>A kiosk streams a session through the real edge segmenter and uplink to the real hub.</summary>
public sealed class LiveStreamTests : IClassFixture<IngestHubFixture>
{
    private readonly IngestHubFixture _fixture;

    public LiveStreamTests(IngestHubFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task A_subscriber_gets_every_packet_in_order_every_segment_but_the_last_is_confirmed_live_and_the_kiosk_uploads_only_the_last()
    {
        const string Kiosk = "14-04171";
        await using var kiosk = new StreamingKiosk(Kiosk, _fixture.SrtPort, _fixture.Passphrase(Kiosk));
        var sink = new PacketSink();
        var started = new List<LiveSessionInfo>();
        var ended = new List<LiveSessionInfo>();
        void OnStarted(LiveSessionInfo i) { lock (started) { started.Add(i); } }
        void OnEnded(LiveSessionInfo i) { lock (ended) { ended.Add(i); } }
        _fixture.Bus.SessionStarted += OnStarted;
        _fixture.Bus.SessionEnded += OnEnded;
        try
        {
            using var subscription = _fixture.Bus.Subscribe(kiosk.SessionId, sink.Handler);
            await kiosk.ConnectAsync();
            await kiosk.StreamAsync(IngestTestMedia.StandardStream);

            var sent = kiosk.Sent;
            await Eventually.True(() => sink.Length >= sent.Length, $"the subscriber to receive all {sent.Length} bytes", 20_000);
            Assert.Equal(sent, sink.ToArray());

            var journal = kiosk.JournalSegments;
            Assert.True(journal.Count >= 3, $"the stream should make at least 3 segments, made {journal.Count}");
            var uploads = _fixture.Hub.Get<SegmentUploadService>();
            await Eventually.True(() => uploads.Confirmed(kiosk.SessionId).Count == journal.Count - 1, "every segment but the last to be confirmed live", 20_000);
            var confirmed = uploads.Confirmed(kiosk.SessionId);
            Assert.Equal(journal.SkipLast(1).Select(s => (s.Sequence, s.Sha256, s.Bytes)), confirmed.Select(s => (s.Sequence, s.Sha256, s.Bytes)));
            Assert.All(_fixture.Hub.Get<MediaArchiveStore>().Segments(kiosk.SessionId), s => Assert.Equal(SegmentSources.Live, s.Source));

            var live = Assert.Single(_fixture.Bus.Sessions, s => s.SessionId == kiosk.SessionId);
            Assert.Equal((Kiosk, "14"), (live.KioskId, live.Province));
            await Eventually.True(() => _fixture.Bus.Sessions.Single(s => s.SessionId == kiosk.SessionId).Link is { LatencyMs: >= 120 }, "the link to be measured");
            lock (started)
            {
                Assert.Contains(started, s => s.SessionId == kiosk.SessionId);
            }

            var text = new StringBuilder();
            _fixture.Metrics.AppendPrometheus(text);
            Assert.Contains("tcd_hub_live_segments_confirmed_total", text.ToString(), StringComparison.Ordinal);
            Assert.Contains($"tcd_hub_srt_session_latency_ms{{session=\"{kiosk.SessionId}\",kiosk=\"{Kiosk}\"}}", text.ToString(), StringComparison.Ordinal);

            // The kiosk's own uploader then sends only the last segment: the hub holds the rest from the live stream.
            var patches = new Media.LinkCutHandler();
            await using (var uploader = new SegmentUploader(kiosk.Catalog, new SegmentUploaderSettings
            {
                HubBaseUri = _fixture.Hub.BaseAddress,
                KioskId = Kiosk,
                Password = _fixture.Hub.KioskPassword(Kiosk),
                RetryMinDelay = TimeSpan.FromMilliseconds(50),
                RetryMaxDelay = TimeSpan.FromMilliseconds(300),
                IdlePollInterval = TimeSpan.FromSeconds(1),
            }, TimeProvider.System, NullLogger.Instance, patches))
            {
                uploader.Start();
                await Eventually.True(() => uploads.Confirmed(kiosk.SessionId).Count == journal.Count, "the kiosk's upload to complete the archive", 30_000);
            }

            Assert.Equal(journal.Select(s => (s.Sequence, s.Sha256)), uploads.Confirmed(kiosk.SessionId).Select(s => (s.Sequence, s.Sha256)));
            var patched = Assert.Single(patches.Patches.Keys);
            Assert.EndsWith("/" + journal[^1].Sequence, patched, StringComparison.Ordinal);

            await kiosk.Uplink.DisposeAsync();
            await Eventually.True(() => { lock (ended) { return ended.Any(s => s.SessionId == kiosk.SessionId); } }, "the session to end after the reconnect grace", 30_000);
            Assert.DoesNotContain(_fixture.Bus.Sessions, s => s.SessionId == kiosk.SessionId);
        }
        finally
        {
            _fixture.Bus.SessionStarted -= OnStarted;
            _fixture.Bus.SessionEnded -= OnEnded;
        }
    }
}
