using TiepCongDan.Contracts.Media;
using TiepCongDan.Hub.Ingest;
using TiepCongDan.Hub.Media;
using TiepCongDan.Hub.Tests.Infrastructure;
using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Tests.Ingest;

/// <summary>Who may not publish: each refusal reaches the caller with its code, and the hub logs and counts it.</summary>
public sealed class RefusalTests : IClassFixture<IngestHubFixture>
{
    private readonly IngestHubFixture _fixture;

    public RefusalTests(IngestHubFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task An_unknown_kiosk_is_refused_with_1401_and_logged()
    {
        var session = MediaSessionId.New("14-04171", DateTimeOffset.UtcNow);
        var refused = Assert.Throws<SrtConnectException>(() => _fixture.Connect($"#!::r=kiosk/kiosk-x,m=publish,u=kiosk-x,s={session}", "some-passphrase-of-nobody"));

        Assert.Equal((SrtRejectReason.PeerRejected, 1401), (refused.Reason, refused.UserCode));
        await Eventually.True(() => _fixture.Hub.Logs.Contains($"refused with 1401 (unknown-kiosk): kiosk ?, session {session}"), "the refusal in the hub's log");
        Assert.True(_fixture.Metrics.Refusals.Get("unknown-kiosk") >= 1);
    }

    [Fact]
    public async Task A_revoked_kiosk_with_its_own_passphrase_is_refused_with_1403_and_logged()
    {
        var session = MediaSessionId.New(IngestHubFixture.RevokedKiosk, DateTimeOffset.UtcNow);
        var refused = Assert.Throws<SrtConnectException>(() => _fixture.ConnectAs(IngestHubFixture.RevokedKiosk, session));

        Assert.Equal((SrtRejectReason.PeerRejected, 1403), (refused.Reason, refused.UserCode));
        await Eventually.True(() => _fixture.Hub.Logs.Contains($"refused with 1403 (revoked): kiosk {IngestHubFixture.RevokedKiosk}, session {session}"), "the refusal in the hub's log");
        Assert.True(_fixture.Metrics.Refusals.Get("revoked") >= 1);
    }

    [Fact]
    public async Task A_wrong_passphrase_is_refused_by_srt_and_the_hub_logs_the_unfinished_handshake()
    {
        const string Kiosk = "14-04172";
        var before = _fixture.Metrics.Refusals.Get(IngestRefusal.HandshakeNotCompleted.Reason);
        var refused = Assert.Throws<SrtConnectException>(() =>
            _fixture.Connect(SrtStreamId.Publish(Kiosk, MediaSessionId.New(Kiosk, DateTimeOffset.UtcNow)).ToString(), "not-the-passphrase-of-this-kiosk"));

        Assert.Equal(SrtRejectReason.BadSecret, refused.Reason);
        await Eventually.True(() => _fixture.Hub.Logs.Contains($"for kiosk {Kiosk} passed the stream id check but never completed its handshake"), "the hub to log the failed handshake", 15_000);
        Assert.True(_fixture.Metrics.Refusals.Get(IngestRefusal.HandshakeNotCompleted.Reason) > before);
        Assert.DoesNotContain(_fixture.Bus.Sessions, s => s.KioskId == Kiosk);
    }

    [Fact]
    public async Task A_kiosk_claiming_another_kiosks_id_fails_on_the_passphrase()
    {
        // 14-00002 knows only its own passphrase; it cannot pass as 14-00001.
        var session = MediaSessionId.New("14-00001", DateTimeOffset.UtcNow);
        var refused = Assert.Throws<SrtConnectException>(() =>
            _fixture.Connect(SrtStreamId.Publish("14-00001", session).ToString(), _fixture.Passphrase("14-00002")));

        Assert.Equal(SrtRejectReason.BadSecret, refused.Reason);
        await Eventually.True(() => _fixture.Hub.Logs.Contains("for kiosk 14-00001 passed the stream id check but never completed its handshake"), "the hub to log the failed handshake", 15_000);
        Assert.DoesNotContain(_fixture.Bus.Sessions, s => s.SessionId == session);
    }

    [Fact]
    public async Task Publishing_at_another_kiosks_resource_is_refused_with_1403()
    {
        var session = MediaSessionId.New("14-00003", DateTimeOffset.UtcNow);
        var refused = Assert.Throws<SrtConnectException>(() =>
            _fixture.Connect($"#!::r=kiosk/14-00004,m=publish,u=14-00003,s={session}", _fixture.Passphrase("14-00003")));

        Assert.Equal((SrtRejectReason.PeerRejected, 1403), (refused.Reason, refused.UserCode));
        await Eventually.True(() => _fixture.Hub.Logs.Contains($"refused with 1403 (other-kiosk): kiosk 14-00003, session {session}"), "the refusal in the hub's log");
    }

    [Fact]
    public async Task A_session_archived_for_another_kiosk_is_refused_with_1403()
    {
        var session = MediaSessionId.New("14-00021", DateTimeOffset.UtcNow);
        var data = new byte[188];
        data[0] = 0x47;
        await _fixture.Hub.Get<SegmentUploadService>().ConfirmLiveSegmentAsync("14-00021", session, 0, new MemoryStream(data),
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data)), 0, 2000, CancellationToken.None);

        var refused = Assert.Throws<SrtConnectException>(() => _fixture.ConnectAs("14-00022", session));

        Assert.Equal((SrtRejectReason.PeerRejected, 1403), (refused.Reason, refused.UserCode));
        await Eventually.True(() => _fixture.Hub.Logs.Contains($"refused with 1403 (other-kiosk): kiosk 14-00022, session {session}"), "the refusal in the hub's log");
        using var owner = _fixture.ConnectAs("14-00021", session);
        Assert.True(owner.IsConnected);
    }

    [Fact]
    public async Task A_session_streamed_live_by_another_kiosk_is_refused_with_1403()
    {
        var session = MediaSessionId.New("14-00031", DateTimeOffset.UtcNow);
        using var owner = _fixture.ConnectAs("14-00031", session);
        await Eventually.True(() => _fixture.Bus.Sessions.Any(s => s.SessionId == session), "the owner's session to be live");

        var refused = Assert.Throws<SrtConnectException>(() => _fixture.ConnectAs("14-00032", session));

        Assert.Equal((SrtRejectReason.PeerRejected, 1403), (refused.Reason, refused.UserCode));
        Assert.Equal("14-00031", _fixture.Bus.Sessions.Single(s => s.SessionId == session).KioskId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("kiosk/14-00041")]
    [InlineData("#!::r=kiosk/14-00041,m=request,u=14-00041,s=20261123T025100Z-14-00041-0001")]
    [InlineData("#!::r=kiosk/14-00041,m=publish,u=14-00041,s=../../etc")]
    [InlineData("#!::r=kiosk/14-00041,m=publish,u=14-00041")]
    [InlineData("#!::garbage")]
    public async Task A_malformed_stream_id_is_refused_with_1400_and_logged(string streamId)
    {
        var before = _fixture.Metrics.Refusals.Get("bad-stream-id");
        var refused = Assert.Throws<SrtConnectException>(() => _fixture.Connect(streamId.Length == 0 ? null : streamId, _fixture.Passphrase("14-00041")));

        Assert.Equal((SrtRejectReason.PeerRejected, 1400), (refused.Reason, refused.UserCode));
        await Eventually.True(() => _fixture.Metrics.Refusals.Get("bad-stream-id") > before, "the refusal to be counted");
        Assert.True(_fixture.Hub.Logs.Contains("refused with 1400 (bad-stream-id)"));
    }

    [Fact]
    public async Task Past_MaxSessions_a_new_session_is_refused_with_1503_but_a_reconnect_is_not()
    {
        var port = UdpPorts.Next();
        await using var hub = await TestHub.StartAsync($"--Hub:Media:Ingest:Port={port}", "--Hub:Media:Ingest:BindAddress=127.0.0.1", "--Hub:Media:Ingest:MaxSessions=1");
        var secret = hub.Get<TiepCongDan.Hub.Broker.FleetSecret>();
        SrtConnection Connect(string kiosk, string session) => SrtConnection.Connect(new SrtCallerOptions
        {
            Host = "127.0.0.1",
            Port = port,
            StreamId = SrtStreamId.Publish(kiosk, session).ToString(),
            Passphrase = MediaCredentials.DeriveSrtPassphrase(secret.Bytes, kiosk),
        });
        var first = MediaSessionId.New("14-00051", DateTimeOffset.UtcNow);
        using var one = Connect("14-00051", first);
        await Eventually.True(() => hub.Get<LiveSessionBus>().Sessions.Count == 1, "the first session to be live");

        var refused = Assert.Throws<SrtConnectException>(() => Connect("14-00052", MediaSessionId.New("14-00052", DateTimeOffset.UtcNow)));
        using var again = Connect("14-00051", first);

        Assert.Equal((SrtRejectReason.PeerRejected, 1503), (refused.Reason, refused.UserCode));
        Assert.True(again.IsConnected);
        Assert.Equal(1, hub.Get<IngestMetrics>().Refusals.Get("too-many-sessions"));
    }
}
