using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http;
using TiepCongDan.Contracts.Commands;
using TiepCongDan.Hub.Api;
using TiepCongDan.Hub.Audit;
using TiepCongDan.Hub.Commands;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Commands;

public sealed class CommandScopeAndRetentionTests
{
    private const string Kiosk = "14-04171";

    [Fact]
    public async Task A_kiosk_or_command_of_another_province_does_not_exist_for_a_province_scoped_user()
    {
        await using var hub = await TestHub.StartAsync();
        await using var kiosk = await TestKiosk.ConnectAsync(hub, Kiosk);
        await kiosk.BirthAsync();
        await Eventually.True(() => hub.Registry.Get(Kiosk)?.Online == true, "kiosk online");
        var commands = hub.Get<CommandService>();
        var operator15 = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "op-15")], "test"));
        var province15 = new HashSet<string>(StringComparer.Ordinal) { "15" };

        var refused = await commands.RequestAsync(Kiosk, new CommandRequest("ping"), operator15, province15, CancellationToken.None);
        Assert.Equal(StatusCodes.Status404NotFound, Assert.IsAssignableFrom<IStatusCodeHttpResult>(refused).StatusCode);
        Assert.Equal(0, kiosk.CommandCount(Contracts.Fleet.NodeMetrics.Ping));
        Assert.Contains(hub.Get<AuditLog>().List(), r => r is { Actor: "op-15", Action: "command.ping", Outcome: "refused" } && r.Detail == "out-of-scope");

        var (_, body) = await CommandHubClients.PostAsync(hub.Http, Kiosk, new { command = "ping" });
        var id = body.GetProperty("id").GetString()!;
        Assert.Null(commands.Find(id, province15));
        Assert.NotNull(commands.Find(id, new HashSet<string>(StringComparer.Ordinal) { "14" }));
        Assert.NotNull(commands.Find(id, null));
    }

    [Fact]
    public void Wrong_command_settings_are_refused_with_the_setting_named()
    {
        var result = new CommandOptionsValidator().Validate(null, new CommandOptions { TimeoutSeconds = 0, SlowTimeoutSeconds = 5, ArtifactRetentionHours = 0 });
        Assert.True(result.Failed);
        Assert.Contains("Hub:Commands:TimeoutSeconds is 0", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Hub:Commands:ArtifactRetentionHours is 0", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new CommandOptionsValidator().Validate(null, new CommandOptions()).Succeeded);
    }

    [Fact]
    public async Task An_artifact_is_deleted_after_the_retention_and_the_deletion_is_audited()
    {
        await using var hub = await TestHub.StartAsync("--Hub:Commands:ArtifactRetentionHours=0.002", "--Hub:Commands:SweepIntervalMs=100");
        await using var kiosk = await TestKiosk.ConnectAsync(hub, Kiosk);
        await kiosk.BirthAsync();
        await Eventually.True(() => hub.Registry.Get(Kiosk)?.Online == true, "kiosk online");
        var (_, body) = await CommandHubClients.PostAsync(hub.Http, Kiosk, new { command = "screenshot" });
        var id = body.GetProperty("id").GetString()!;

        using var asKiosk = hub.Client(Kiosk, hub.KioskPassword(Kiosk));
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        using var content = new ByteArrayContent(png);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        Assert.Equal(HttpStatusCode.OK, (await asKiosk.PutAsync(CommandProtocol.ArtifactPath(id, "screen.png"), content)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await asKiosk.PostAsync(CommandProtocol.ResultPath(id),
            new StringContent("{\"state\":\"done\",\"message\":\"ok\"}", Encoding.UTF8, "application/json"))).StatusCode);
        var stored = Assert.Single(Directory.GetFiles(Path.Combine(hub.DataDirectory, "command-artifacts")));

        // A viewer sees the command but not the picture; an operator may download it (audited under their name).
        Assert.Equal(HttpStatusCode.Created, (await hub.Http.PostAsJsonAsync("/api/users", new { username = "xem", password = "chi-xem-thoi-2026", role = "viewer" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await hub.Http.PostAsJsonAsync("/api/users", new { username = "vanhanh", password = "van-hanh-2026!", role = "operator" })).StatusCode);
        using var viewer = hub.Client("xem", "chi-xem-thoi-2026");
        using var operatorClient = hub.Client("vanhanh", "van-hanh-2026!");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/commands/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/api/commands/{id}/artifact")).StatusCode);
        Assert.Equal(png, await operatorClient.GetByteArrayAsync($"/api/commands/{id}/artifact"));
        Assert.Contains(hub.Get<AuditLog>().List(), r => r is { Action: "command.artifact.download", Actor: "vanhanh", Outcome: "ok" });

        await Eventually.True(async () => (await CommandHubClients.GetAsync(hub.Http, id)).GetProperty("artifact").ValueKind == System.Text.Json.JsonValueKind.Null,
            "the artifact to expire", 15_000);
        Assert.False(File.Exists(stored));
        Assert.Equal(HttpStatusCode.NotFound, (await hub.Http.GetAsync($"/api/commands/{id}/artifact")).StatusCode);
        Assert.Contains(hub.Get<AuditLog>().List(), r => r is { Action: "command.artifact.delete", Actor: "hub" } && r.Detail.StartsWith(id, StringComparison.Ordinal));
        Assert.Contains("xoá", (await CommandHubClients.GetAsync(hub.Http, id)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
