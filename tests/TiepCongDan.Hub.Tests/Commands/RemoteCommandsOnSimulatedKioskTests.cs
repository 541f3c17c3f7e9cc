using System.Net;
using TiepCongDan.Hub.Alerts;
using TiepCongDan.Hub.Audit;
using TiepCongDan.Hub.Registry;
using TiepCongDan.Hub.Tests.Infrastructure;
using TiepCongDan.Hub.Tests.SelfTest;

namespace TiepCongDan.Hub.Tests.Commands;

/// <summary>Commands from the operators' API to a real simulated kiosk service and back, with the audit log.</summary>
public sealed class RemoteCommandsOnSimulatedKioskTests
{
    private const string Kiosk = "14-04171";

    [Fact]
    public async Task Screenshot_still_and_logs_come_back_as_audited_encrypted_artifacts_and_are_refused_during_a_session()
    {
        await using var hub = await SelfTestHub.StartAsync();
        await using var kiosk = await CommandEdgeKiosk.StartAsync(hub, Kiosk);
        var registry = hub.Get<KioskRegistry>();
        await Eventually.True(() => registry.Get(Kiosk)?.Online == true, "the simulated kiosk online", 30_000);
        var audit = hub.Get<AuditLog>();

        var png = await ArtifactOfAsync(hub, "screenshot", "image/png");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        var jpeg = await ArtifactOfAsync(hub, "camera-still", "image/jpeg");
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, jpeg[..2]);
        var logs = await ArtifactOfAsync(hub, "collect-logs", "application/gzip");
        Assert.Equal(new byte[] { 0x1F, 0x8B }, logs[..2]);

        // At rest the hub holds no PNG: the file is encrypted.
        var stored = Directory.GetFiles(Path.Combine(hub.DataDirectory, "command-artifacts"));
        Assert.Equal(3, stored.Length);
        Assert.All(stored, f => Assert.False(File.ReadAllBytes(f).AsSpan().IndexOf(png.AsSpan(0, 16)) >= 0));

        Assert.Contains(audit.List(), r => r is { Action: "command.screenshot", Outcome: "sent" });
        Assert.Contains(audit.List(), r => r is { Action: "command.screenshot.result", Outcome: "done", Actor: "kiosk:14-04171" });
        Assert.Contains(audit.List(), r => r is { Action: "command.artifact.upload", Actor: "kiosk:14-04171" });
        Assert.Equal(3, audit.List().Count(r => r is { Action: "command.artifact.download", Outcome: "ok", Actor: "admin" }));

        // restart-media while idle: confirmed, done, nothing to restart.
        var (status, media) = await CommandHubClients.PostAsync(hub.Admin, Kiosk, new { command = "restart-media", confirm = true });
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("done", (await CommandHubClients.FinishedAsync(hub.Admin, media.GetProperty("id").GetString()!)).GetProperty("state").GetString());

        // A reboot is acknowledged before it happens; the kiosk's control is asked once.
        var (_, reboot) = await CommandHubClients.PostAsync(hub.Admin, Kiosk, new { command = "reboot", confirm = true });
        await Eventually.True(() => kiosk.Control.Reboots == 1, "the kiosk to be asked to reboot");
        await Eventually.True(async () => (await CommandHubClients.GetAsync(hub.Admin, reboot.GetProperty("id").GetString()!)).GetProperty("message").ValueKind == System.Text.Json.JsonValueKind.String,
            "the reboot's acknowledgement");

        // A session starts: the hub refuses a screenshot with the reason in Vietnamese.
        var (_, start) = await CommandHubClients.PostAsync(hub.Admin, Kiosk, new { command = "start-session" });
        Assert.Equal("done", (await CommandHubClients.FinishedAsync(hub.Admin, start.GetProperty("id").GetString()!)).GetProperty("state").GetString());
        await Eventually.True(() => registry.Get(Kiosk) is { } k && AlertInputs.InSession(k), "the hub to see the session", 20_000);
        var (refused, why) = await CommandHubClients.PostAsync(hub.Admin, Kiosk, new { command = "screenshot" });
        Assert.Equal(HttpStatusCode.Conflict, refused);
        Assert.Contains("phiên tiếp công dân", why.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await CommandHubClients.PostAsync(hub.Admin, Kiosk, new { command = "camera-still" })).Status);
        Assert.Contains(audit.List(), r => r is { Action: "command.screenshot", Outcome: "refused" } && r.Detail.StartsWith("session-live", StringComparison.Ordinal));
        var (_, stop) = await CommandHubClients.PostAsync(hub.Admin, Kiosk, new { command = "stop-session" });
        Assert.Equal("done", (await CommandHubClients.FinishedAsync(hub.Admin, stop.GetProperty("id").GetString()!)).GetProperty("state").GetString());
        Assert.Null(audit.Verify());
    }

    [Fact]
    public async Task The_self_test_runs_without_a_person_and_its_report_reaches_the_hub()
    {
        await using var hub = await SelfTestHub.StartAsync();
        await using var kiosk = await CommandEdgeKiosk.StartAsync(hub, Kiosk);
        await Eventually.True(() => hub.Get<KioskRegistry>().Get(Kiosk)?.Online == true, "the simulated kiosk online", 30_000);

        var (status, body) = await CommandHubClients.PostAsync(hub.Admin, Kiosk, new { command = "selftest" });
        Assert.Equal(HttpStatusCode.Accepted, status);
        var finished = await CommandHubClients.FinishedAsync(hub.Admin, body.GetProperty("id").GetString()!, 240_000);

        Assert.True(finished.GetProperty("state").GetString() == "done", finished.ToString());
        Assert.Contains("Tự kiểm tra", finished.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("báo cáo đã gửi về trung tâm", finished.GetProperty("message").GetString(), StringComparison.Ordinal);
        using var report = await hub.Admin.GetAsync($"/api/devices/{Kiosk}/selftest");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var text = await report.Content.ReadAsStringAsync();
        Assert.DoesNotContain("\"buttons\"", text, StringComparison.Ordinal);
        Assert.Contains("\"camera\"", text, StringComparison.Ordinal);
    }

    private static async Task<byte[]> ArtifactOfAsync(SelfTestHub hub, string command, string contentType)
    {
        var (status, body) = await CommandHubClients.PostAsync(hub.Admin, Kiosk, new { command });
        Assert.Equal(HttpStatusCode.Accepted, status);
        var finished = await CommandHubClients.FinishedAsync(hub.Admin, body.GetProperty("id").GetString()!, 60_000);
        Assert.True(finished.GetProperty("state").GetString() == "done", $"{command}: {finished}");
        var artifact = finished.GetProperty("artifact").GetString()!;
        using var response = await hub.Admin.GetAsync(artifact);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
