using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TiepCongDan.Hub.Alerts;
using TiepCongDan.Hub.Audit;
using TiepCongDan.Hub.Cli;
using TiepCongDan.Hub.Storage;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Access;

/// <summary>Operator actions on the append-only audit log, read back through GET /api/audit as admins of all or of some provinces.</summary>
[Collection(AccessCollection.Name)]
public sealed class AuditTrailTests(AccessWorld world)
{
    [Fact]
    public async Task Operator_actions_are_on_the_log_with_actor_target_province_and_outcome()
    {
        var s14 = world.Fill("{s14}");
        var alert = world.Hub.Get<AlertStore>().Open(new AlertRow
        {
            KioskId = "14-04171", Province = "14", Rule = AlertRuleIds.Offline, Severity = "warning", OpenedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        }, _ => []);
        using (var ack = await world.Operator14.PostAsJsonAsync($"api/alerts/{alert.Id}/ack", new { comment = "Đã báo xã bật lại điểm cầu." }))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        using (var hold = await world.Admin14.PutAsJsonAsync($"api/sessions/{s14}/legal-hold", new { legalHold = true }))
        {
            Assert.Equal(HttpStatusCode.OK, hold.StatusCode);
        }

        using (var download = await world.Operator14.GetAsync($"api/sessions/{s14}/export.mp4"))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        }

        var before = (await EntriesAsync(world.FleetAdmin)).Count(e => e.Action == AuditActions.ArchiveExport && e.Target == s14);
        using (var seek = new HttpRequestMessage(HttpMethod.Get, $"api/sessions/{s14}/export.mp4"))
        {
            seek.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(1000, null);
            using var seeked = await world.Operator14.SendAsync(seek);
            Assert.Equal(HttpStatusCode.PartialContent, seeked.StatusCode);
        }

        Assert.Equal(before, (await EntriesAsync(world.FleetAdmin)).Count(e => e.Action == AuditActions.ArchiveExport && e.Target == s14));

        var day = AccessWorld.ReportDay;
        (await world.Operator14.GetAsync($"api/reception/export?from={day}&to={day}&format=csv")).EnsureSuccessStatusCode();
        (await world.FleetAdmin.GetAsync($"api/reception/export?from={day}&to={day}")).EnsureSuccessStatusCode();
        (await world.Viewer14.GetAsync($"api/reports/service?from={day}&to={day}&format=csv")).EnsureSuccessStatusCode();

        using (var register = await world.FleetAdmin.PostAsJsonAsync("api/kiosks/register", new
        {
            kioskId = "14-04180", province = "14", commune = "04180", certificateFingerprint = new string('C', 64),
        }))
        {
            Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        }

        using (var revoke = await world.Admin14.PostAsJsonAsync("api/kiosks/14-04180/revoke", new { reason = "máy hỏng" }))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        var log = await EntriesAsync(world.FleetAdmin);
        Has(log, "op14", AuditActions.AlertAcknowledge, $"alert {alert.Id} 14-04171 offline", "14", "ok", "Đã báo xã");
        Has(log, "adm14", AuditActions.LegalHold, s14, "14", "ok", "hold");
        Has(log, "op14", AuditActions.ArchiveExport, s14, "14", "ok", "download");
        Has(log, "op14", AuditActions.RegisterExport, $"register {day}..{day}", "14", "ok", "masked ID numbers");
        Has(log, "admin", AuditActions.RegisterExport, $"register {day}..{day}", string.Empty, "ok", "full ID numbers");
        Has(log, "view14", AuditActions.ReportExport, $"service {day}..{day}", "14", "ok", "csv");
        Has(log, "admin", AuditActions.KioskProvision, "14-04180", "14", "ok", "certificate");
        Has(log, "adm14", AuditActions.KioskRevoke, "14-04180", "14", "ok", "máy hỏng");
        Has(log, "admin", AuditActions.UserCreate, "op14", "14", "ok", "role operator, provinces 14");
    }

    [Fact]
    public async Task Logins_from_the_form_are_logged_and_failed_Basic_logins_once_a_minute_per_name()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = world.Hub.BaseAddress };
        using var bad = await browser.PostAsync("login", Form("op14", "sai-mat-khau"));
        Assert.Equal("/login?error=1", bad.Headers.Location!.OriginalString);
        using var good = await browser.PostAsync("login", Form("op14", AccessWorld.Password));
        Assert.Equal("/", good.Headers.Location!.OriginalString);

        using var wrong = world.Hub.Client("khong-ton-tai", "doan-bua");
        for (var i = 0; i < 3; i++)
        {
            using var refused = await wrong.GetAsync("api/devices");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var log = await EntriesAsync(world.FleetAdmin);
        Has(log, "op14", AuditActions.LoginFailed, "op14", string.Empty, "failed", "form");
        Has(log, "op14", AuditActions.Login, "op14", "14", "ok", "form");
        Assert.Single(log, e => e.Action == AuditActions.LoginFailed && e.Actor == "khong-ton-tai");
        // Basic successes are requests, not actions: the province users' many API calls left no login entry.
        Assert.DoesNotContain(log, e => e.Action == AuditActions.Login && e.Actor == "view14");
    }

    [Fact]
    public async Task A_province_admin_reads_only_their_provinces_entries_page_by_page()
    {
        var everything = await EntriesAsync(world.FleetAdmin);
        Assert.Contains(everything, e => e.Province == "15");
        Assert.Contains(everything, e => e.Province.Length == 0);

        var theirs = await EntriesAsync(world.Admin14);
        Assert.NotEmpty(theirs);
        Assert.All(theirs, e => Assert.Contains("14", e.Province.Split(','), StringComparer.Ordinal));
        Assert.Equal(everything.Where(e => e.Province.Split(',').Contains("14")).Select(e => e.Seq), theirs.Select(e => e.Seq));

        var page = await world.Admin14.GetFromJsonAsync<JsonElement>("api/audit?limit=2");
        var first = page.GetProperty("entries").Deserialize<AuditEntryDto[]>(AccessJson.Web)!;
        Assert.Equal(2, first.Length);
        var next = await world.Admin14.GetFromJsonAsync<JsonElement>(page.GetProperty("next").GetString()!.TrimStart('/'));
        var second = next.GetProperty("entries").Deserialize<AuditEntryDto[]>(AccessJson.Web)!;
        Assert.All(second, e => Assert.True(e.Seq < first[^1].Seq));
        Assert.Equal(theirs.Skip(2).Take(2).Select(e => e.Seq), second.Select(e => e.Seq));

        Assert.Equal(HttpStatusCode.Forbidden, (await world.Operator14.GetAsync("api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await world.FleetAdmin.GetAsync("api/audit?limit=0")).StatusCode);
    }

    [Fact]
    public async Task Verify_reports_a_break_in_the_chain_through_the_API_and_the_CLI()
    {
        await using var hub = await TestHub.StartAsync();
        using (var created = await hub.Http.PostAsJsonAsync("api/users", new { username = "kiemtra", password = "mat-khau-kiem-tra", role = "viewer", provinces = "14" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var created = await hub.Http.PostAsJsonAsync("api/users", new { username = "kiemtra2", password = "mat-khau-kiem-tra", role = "viewer" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var intact = await hub.Http.GetFromJsonAsync<JsonElement>("api/audit/verify");
        Assert.True(intact.GetProperty("intact").GetBoolean());
        Assert.Equal(2, intact.GetProperty("entries").GetInt64());
        var (code, output) = await CliAsync("audit", "verify", "--data", hub.DataDirectory);
        Assert.Equal(0, code);
        Assert.Contains("intact: 2 entries", output, StringComparison.Ordinal);

        // Someone with the file edits the first entry around the triggers.
        hub.Get<HubDatabase>().Run(c => c.Execute("DROP TRIGGER audit_log_no_update"));
        hub.Get<HubDatabase>().Run(c => c.Execute("UPDATE audit_log SET detail='role admin, provinces all' WHERE seq=1"));

        var broken = await hub.Http.GetFromJsonAsync<JsonElement>("api/audit/verify");
        Assert.False(broken.GetProperty("intact").GetBoolean());
        Assert.Equal(1, broken.GetProperty("brokenAt").GetInt64());
        (code, output) = await CliAsync("audit", "verify", "--data", hub.DataDirectory);
        Assert.Equal(AuditCommand.ExitBroken, code);
        Assert.Contains("BROKEN at entry 1 of 2", output, StringComparison.Ordinal);
    }

    internal static async Task<(int Code, string Output)> CliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliRunner.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString() + stderr);
    }

    private static FormUrlEncodedContent Form(string user, string password) =>
        new(new Dictionary<string, string> { ["username"] = user, ["password"] = password });

    private static async Task<List<AuditEntryDto>> EntriesAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("api/audit?limit=1000");
        return [.. page.GetProperty("entries").Deserialize<AuditEntryDto[]>(AccessJson.Web)!];
    }

    private static void Has(List<AuditEntryDto> log, string actor, string action, string target, string province, string outcome, string detail) =>
        Assert.True(log.Any(e => e.Actor == actor && e.Action == action && e.Target == target && e.Province == province && e.Outcome == outcome
            && e.Detail.Contains(detail, StringComparison.Ordinal)),
            $"no entry {actor} {action} {target} [{province}] {outcome} '{detail}' in:\n" + string.Join("\n", log.Select(e => $"{e.Actor} {e.Action} {e.Target} [{e.Province}] {e.Outcome} {e.Detail}")));
}
