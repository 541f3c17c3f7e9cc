using TiepCongDan.Contracts.Media;
using TiepCongDan.Hub.Ingest;
using TiepCongDan.Hub.Media;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Ingest;

/// <summary>A kiosk reconnects under the same session: the session and its subscribers carry on, nothing spliced is confirmed.</summary>
public sealed class ReconnectTests : IClassFixture<IngestHubFixture>
{
    private readonly IngestHubFixture _fixture;

    public ReconnectTests(IngestHubFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task After_a_reconnect_mid_segment_subscribers_keep_receiving_and_the_spanning_segment_is_left_to_the_upload()
    {
        const string Kiosk = "14-00071";
        var session = MediaSessionId.New(Kiosk, DateTimeOffset.UtcNow);
        var cut = KioskSegments.Cut(Kiosk, session, IngestTestMedia.StandardStream);
        Assert.True(cut.Segments.Count >= 4, $"the stream should make at least 4 segments, made {cut.Segments.Count}");
        var sink = new PacketSink();
        var starts = 0;
        void OnStarted(LiveSessionInfo i)
        {
            if (i.SessionId == session)
            {
                Interlocked.Increment(ref starts);
            }
        }

        _fixture.Bus.SessionStarted += OnStarted;
        using var subscription = _fixture.Bus.Subscribe(session, sink.Handler);
        try
        {
            // Middle of segment 1, on a packet boundary.
            var split = (int)(cut.StartOf(1) + (cut.Segments[1].Bytes / 188 / 2 * 188));
            using (var first = _fixture.ConnectAs(Kiosk, session))
            {
                SrtSend.Paced(first, cut.Live.AsSpan(0, split));
                await Eventually.True(() => sink.Length >= split, "the first connection's bytes to arrive", 20_000);
            }

            using (var second = _fixture.ConnectAs(Kiosk, session))
            {
                SrtSend.Paced(second, cut.Live.AsSpan(split));
                await Eventually.True(() => sink.Length >= cut.Live.Length, "the second connection's bytes to arrive", 20_000);
                Assert.Equal(cut.Live, sink.ToArray());

                var uploads = _fixture.Hub.Get<SegmentUploadService>();
                var expected = cut.Segments.Where(s => s.Sequence != 1).SkipLast(1).ToList();
                await Eventually.True(() => uploads.Confirmed(session).Count >= expected.Count, "the segments inside one connection to be confirmed", 20_000);
                await Task.Delay(500);
                Assert.Equal(expected.Select(s => (s.Sequence, s.Sha256)), uploads.Confirmed(session).Select(s => (s.Sequence, s.Sha256)));
                Assert.Equal(1, Volatile.Read(ref starts));
                Assert.Single(_fixture.Bus.Sessions, s => s.SessionId == session);
            }
        }
        finally
        {
            _fixture.Bus.SessionStarted -= OnStarted;
        }
    }

    [Fact]
    public async Task A_new_connection_while_the_old_one_still_looks_alive_takes_over_the_session()
    {
        const string Kiosk = "14-00072";
        var session = MediaSessionId.New(Kiosk, DateTimeOffset.UtcNow);
        var cut = KioskSegments.Cut(Kiosk, session, IngestTestMedia.StandardStream);
        var sink = new PacketSink();
        using var subscription = _fixture.Bus.Subscribe(session, sink.Handler);
        var split = (int)cut.StartOf(2) + (188 * 70);

        using var stale = _fixture.ConnectAs(Kiosk, session);
        SrtSend.Paced(stale, cut.Live.AsSpan(0, split));
        await Eventually.True(() => sink.Length >= split, "the first connection's bytes to arrive", 20_000);
        using var fresh = _fixture.ConnectAs(Kiosk, session);
        await Eventually.True(() => _fixture.Hub.Logs.Contains($"Kiosk {Kiosk}, session {session}: a newer connection replaces"), "the hub to hand the session to the new connection");
        SrtSend.Paced(fresh, cut.Live.AsSpan(split));

        await Eventually.True(() => sink.Length >= cut.Live.Length, "the new connection's bytes to arrive", 20_000);
        Assert.Equal(cut.Live, sink.ToArray());
        var uploads = _fixture.Hub.Get<SegmentUploadService>();
        await Eventually.True(() => uploads.Confirmed(session).Count >= cut.Segments.Count - 2, "the whole segments to be confirmed", 20_000);
        Assert.DoesNotContain(uploads.Confirmed(session), s => s.Sequence == 2);
        Assert.All(uploads.Confirmed(session), s => Assert.Equal(cut.Segments[s.Sequence].Sha256, s.Sha256));
    }
}
