using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using TiepCongDan.Contracts.Commands;
using TiepCongDan.Hub.Audit;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Commands;

/// <summary>The hub's side of a kiosk's answers, with a raw MQTT kiosk that answers (or not) by hand.</summary>
public sealed class KioskAnswerTests
{
    private const string Kiosk = "14-04171";

    [Fact]
    public async Task A_command_without_an_answer_times_out_and_the_audit_log_says_so()
    {
        await using var hub = await TestHub.StartAsync("--Hub:Commands:TimeoutSeconds=1", "--Hub:Commands:SweepIntervalMs=100");
        await using var kiosk = await OnlineKioskAsync(hub);

        var (status, body) = await CommandHubClients.PostAsync(hub.Http, Kiosk, new { command = "ping" });
        Assert.Equal(HttpStatusCode.Accepted, status);
        var id = body.GetProperty("id").GetString()!;
        var finished = await CommandHubClients.FinishedAsync(hub.Http, id, 10_000);
        Assert.Equal("timeout", finished.GetProperty("state").GetString());
        Assert.Contains("không trả lời", finished.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.NotNull(finished.GetProperty("finishedAt").GetString());

        var audit = hub.Get<AuditLog>().List();
        Assert.Contains(audit, r => r is { Action: "command.ping", Outcome: "sent", Actor: "admin" } && r.Detail.StartsWith(id, StringComparison.Ordinal));
        Assert.Contains(audit, r => r is { Action: "command.ping.result", Outcome: "timeout", Actor: "hub" } && r.Detail.StartsWith(id, StringComparison.Ordinal));
        Assert.Null(hub.Get<AuditLog>().Verify());
    }

    [Fact]
    public async Task A_garbage_outcome_gets_a_clear_error_and_the_command_still_takes_the_real_one()
    {
        await using var hub = await TestHub.StartAsync();
        await using var kiosk = await OnlineKioskAsync(hub);
        using var asKiosk = hub.Client(Kiosk, hub.KioskPassword(Kiosk));
        var (_, body) = await CommandHubClients.PostAsync(hub.Http, Kiosk, new { command = "ping", comment = "kiểm tra" });
        var id = body.GetProperty("id").GetString()!;

        using var garbage = await asKiosk.PostAsync(CommandProtocol.ResultPath(id), new StringContent("{not json", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Contains("not a JSON command outcome", await garbage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var badState = await asKiosk.PostAsync(CommandProtocol.ResultPath(id), new StringContent("{\"state\":\"great\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        Assert.Contains("'state' must be", await badState.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("sent", (await CommandHubClients.GetAsync(hub.Http, id)).GetProperty("state").GetString());

        // Another kiosk cannot answer for this one (its command does not exist for it).
        const string other = "14-04172";
        using var asOther = hub.Client(other, hub.KioskPassword(other));
        using var foreign = await asOther.PostAsync(CommandProtocol.ResultPath(id), Json("{\"state\":\"done\"}"));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        using var real = await asKiosk.PostAsync(CommandProtocol.ResultPath(id), Json("{\"state\":\"done\",\"message\":\"pong\"}"));
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        var finished = await CommandHubClients.GetAsync(hub.Http, id);
        Assert.Equal("done", finished.GetProperty("state").GetString());
        Assert.Equal("pong", finished.GetProperty("message").GetString());
        Assert.Equal("kiểm tra", finished.GetProperty("comment").GetString());
        using var twice = await asKiosk.PostAsync(CommandProtocol.ResultPath(id), Json("{\"state\":\"failed\"}"));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains(hub.Get<AuditLog>().List(), r => r is { Action: "command.ping.result", Outcome: "done", Actor: "kiosk:14-04171" });
    }

    [Fact]
    public async Task Disruptive_commands_need_confirmation_and_a_reboot_is_done_when_the_kiosk_is_born_again()
    {
        await using var hub = await TestHub.StartAsync("--Hub:Commands:SweepIntervalMs=100");
        var kiosk = await OnlineKioskAsync(hub);
        try
        {
            foreach (var command in new[] { "restart-media", "restart-service", "reboot" })
            {
                var (status, body) = await CommandHubClients.PostAsync(hub.Http, Kiosk, new { command });
                Assert.Equal(HttpStatusCode.PreconditionRequired, status);
                Assert.True(body.GetProperty("confirmRequired").GetBoolean());
                Assert.Contains("xác nhận", body.GetProperty("error").GetString(), StringComparison.Ordinal);
                Assert.Contains(hub.Get<AuditLog>().List(), r => r.Action == "command." + command && r.Outcome == "unconfirmed");
            }

            Assert.Equal(0, kiosk.CommandCount(Contracts.Fleet.NodeMetrics.Reboot));
            var (accepted, sent) = await CommandHubClients.PostAsync(hub.Http, Kiosk, new { command = "reboot", confirm = true, comment = "treo màn hình" });
            Assert.Equal(HttpStatusCode.Accepted, accepted);
            var id = sent.GetProperty("id").GetString()!;
            Assert.Equal("admin", sent.GetProperty("requestedBy").GetString());
            await kiosk.WaitForCommandAsync(Contracts.Fleet.NodeMetrics.Reboot);

            using var asKiosk = hub.Client(Kiosk, hub.KioskPassword(Kiosk));
            using var ack = await asKiosk.PostAsync(CommandProtocol.ResultPath(id), Json("{\"state\":\"accepted\"}"));
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            var acknowledged = await CommandHubClients.GetAsync(hub.Http, id);
            Assert.Equal("sent", acknowledged.GetProperty("state").GetString());
            Assert.Contains("khởi động lại", acknowledged.GetProperty("message").GetString(), StringComparison.Ordinal);

            // The kiosk goes away and comes back with a new MQTT session (bdSeq 1): done.
            await kiosk.DropWithWillAsync(hub);
            await kiosk.DisposeAsync();
            kiosk = await TestKiosk.ConnectAsync(hub, Kiosk, bdSeq: 1);
            await kiosk.BirthAsync();
            var done = await CommandHubClients.FinishedAsync(hub.Http, id);
            Assert.Equal("done", done.GetProperty("state").GetString());
            Assert.Contains(hub.Get<AuditLog>().List(), r => r is { Action: "command.reboot", Outcome: "sent" } && r.Detail.Contains("treo màn hình", StringComparison.Ordinal));
            Assert.Contains(hub.Get<AuditLog>().List(), r => r is { Action: "command.reboot.result", Outcome: "done" });

            var list = await hub.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/devices/{Kiosk}/commands?limit=5");
            Assert.Equal(id, list[0].GetProperty("id").GetString());
        }
        finally
        {
            await kiosk.DisposeAsync();
        }
    }

    [Fact]
    public async Task Artifacts_of_the_wrong_kind_or_for_another_kiosk_are_refused_and_a_download_without_one_is_audited()
    {
        await using var hub = await TestHub.StartAsync();
        await using var kiosk = await OnlineKioskAsync(hub);
        var (_, body) = await CommandHubClients.PostAsync(hub.Http, Kiosk, new { command = "screenshot" });
        var id = body.GetProperty("id").GetString()!;
        using var asKiosk = hub.Client(Kiosk, hub.KioskPassword(Kiosk));
        using var html = new ByteArrayContent(Encoding.UTF8.GetBytes("<html>"));
        html.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await asKiosk.PutAsync(CommandProtocol.ArtifactPath(id, "x.html"), html)).StatusCode);

        using var download = await hub.Http.GetAsync($"/api/commands/{id}/artifact");
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Contains(hub.Get<AuditLog>().List(), r => r is { Action: "command.artifact.download", Outcome: "refused" });
        using var anonymous = await hub.Anonymous.GetAsync($"/api/commands/{id}");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static async Task<TestKiosk> OnlineKioskAsync(TestHub hub)
    {
        var kiosk = await TestKiosk.ConnectAsync(hub, Kiosk);
        await kiosk.BirthAsync();
        await Eventually.True(() => hub.Registry.Get(Kiosk)?.Online == true, "kiosk online");
        return kiosk;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
