namespace TiepCongDan.Hub.Tests.Ingest;

/// <summary>Several kiosks stream at once; each session's subscriber sees exactly its own kiosk's stream.</summary>
public sealed class ConcurrentKioskTests : IClassFixture<IngestHubFixture>
{
    private readonly IngestHubFixture _fixture;

    public ConcurrentKioskTests(IngestHubFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Four_kiosks_at_once_each_subscriber_gets_only_and_all_of_its_own_packets()
    {
        string[] ids = ["14-00011", "14-00012", "15-00013", "16-00014"];
        var kiosks = ids.Select(id => new StreamingKiosk(id, _fixture.SrtPort, _fixture.Passphrase(id))).ToList();
        var sinks = kiosks.Select(_ => new PacketSink()).ToList();
        var subscriptions = kiosks.Select((k, i) => _fixture.Bus.Subscribe(k.SessionId, sinks[i].Handler)).ToList();
        try
        {
            await Task.WhenAll(kiosks.Select(k => k.ConnectAsync()));
            // The caller's connect returns when the handshake is done; the hub registers the session on
            // its bus just after, on the listener's thread: a fresh-clone run once looked in between.
            await Infrastructure.Eventually.True(() => _fixture.Bus.Sessions.Count(s => kiosks.Any(k => k.SessionId == s.SessionId)) == kiosks.Count, "every kiosk's session is live", 10_000);
            await Task.WhenAll(kiosks.Select(k => Task.Run(() => k.StreamAsync(IngestTestMedia.StandardStream))));

            for (var i = 0; i < kiosks.Count; i++)
            {
                var sent = kiosks[i].Sent;
                var sink = sinks[i];
                await Infrastructure.Eventually.True(() => sink.Length >= sent.Length, $"{kiosks[i].KioskId}'s subscriber to get all its bytes", 20_000);
                Assert.Equal(sent, sink.ToArray());
            }
        }
        finally
        {
            subscriptions.ForEach(s => s.Dispose());
            foreach (var kiosk in kiosks)
            {
                await kiosk.DisposeAsync();
            }
        }
    }
}
