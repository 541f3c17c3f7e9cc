using TiepCongDan.Hub.Archive;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Archive;

/// <summary>A hub restarted between the last segment and the end keeps its signing key and still seals the session.</summary>
public sealed class ArchiveRestartTests
{
    private const string Kiosk = "14-04175";

    [Fact]
    public async Task After_a_restart_the_session_is_sealed_with_the_same_key_and_the_earlier_one_still_verifies()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "tcd-archive-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            string before;
            string open;
            string keyId;
            await using (var hub = await TestHub.StartInAsync(dataDirectory))
            {
                before = await ArchivedSessions.UploadSealedAsync(hub, Kiosk);
                open = await ArchivedSessions.UploadAsync(hub, Kiosk);
                keyId = SignatureOf(hub, before).KeyId;
            }

            await using (var hub = await TestHub.StartInAsync(dataDirectory))
            {
                await ArchivedSessions.DeclareEndAsync(hub, Kiosk, open);
                await Eventually.True(() => hub.Get<SessionArchive>().Catalog.Find(open)?.ManifestVersion == 1, "the session to be sealed after the restart", 20_000);
                Assert.Equal(keyId, SignatureOf(hub, open).KeyId);
                Assert.True((await ArchivedSessions.VerifyAsync(hub.Http, before)).Intact);
                Assert.True((await ArchivedSessions.VerifyAsync(hub.Http, open)).Intact);
            }
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static ManifestSignature SignatureOf(TestHub hub, string session) =>
        ManifestSignature.Parse(File.ReadAllBytes(Path.Combine(ArchivedSessions.Directory(hub, Kiosk, session), ArchiveLayout.SignatureFile)));
}
