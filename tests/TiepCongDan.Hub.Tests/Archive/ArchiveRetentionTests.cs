using System.Net.Http.Json;
using System.Text.Json;
using TiepCongDan.Hub.Archive;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Archive;

/// <summary>Retention deletes what is past its days, keeps what is under legal hold, and records each deletion.</summary>
public sealed class ArchiveRetentionTests
{
    private const string Kiosk = "14-04174";

    [Fact]
    public async Task Retention_deletes_an_old_session_keeps_one_under_legal_hold_and_records_the_deletion()
    {
        await using var hub = await TestHub.StartAsync("--Hub:Media:Archive:RetentionDays=30");
        var now = DateTimeOffset.FromUnixTimeMilliseconds(ArchivedSessions.StartedAtMs).AddDays(31);
        var old = await ArchivedSessions.UploadSealedAsync(hub, Kiosk);
        var held = await ArchivedSessions.UploadSealedAsync(hub, Kiosk);
        var recent = await ArchivedSessions.UploadSealedAsync(hub, Kiosk, startedAtMs: now.AddDays(-2).ToUnixTimeMilliseconds());
        using (var hold = await hub.Http.PutAsJsonAsync($"api/sessions/{held}/legal-hold", new { legalHold = true }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, hold.StatusCode);
        }

        var deleted = hub.Get<SessionArchive>().DeleteExpired(now);

        Assert.Equal([old], deleted);
        Assert.False(Directory.Exists(ArchivedSessions.Directory(hub, Kiosk, old)));
        Assert.True(Directory.Exists(ArchivedSessions.Directory(hub, Kiosk, held)));
        Assert.True(Directory.Exists(ArchivedSessions.Directory(hub, Kiosk, recent)));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await hub.Http.GetAsync($"api/sessions/{old}")).StatusCode);
        Assert.True((await ArchivedSessions.VerifyAsync(hub.Http, held)).Intact);
        using var deletions = await hub.Http.GetFromJsonAsync<JsonDocument>("api/sessions/deletions");
        var record = Assert.Single(deletions!.RootElement.EnumerateArray());
        Assert.Equal(old, record.GetProperty("session").GetString());
        Assert.Contains("30 days", record.GetProperty("policy").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, record.GetProperty("segmentCount").GetInt32());
        Assert.Contains(hub.Logs.Lines, l => l.Contains(old, StringComparison.Ordinal) && l.Contains("deleted by policy", StringComparison.Ordinal));
    }
}
