using System.Net;
using System.Net.Http.Headers;
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
    public async Task An_artifact_is_deleted_after_the_retention_and_the_deletion_is_audited()
    {
        await using var hub = await TestHub.StartAsync("--Hub:Commands:ArtifactRetentionHours=0.001", "--Hub:Commands:SweepIntervalMs=100");
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

        await Eventually.True(async () => (await CommandHubClients.GetAsync(hub.Http, id)).GetProperty("artifact").ValueKind == System.Text.Json.JsonValueKind.Null,
            "the artifact to expire", 15_000);
        Assert.False(File.Exists(stored));
        Assert.Equal(HttpStatusCode.NotFound, (await hub.Http.GetAsync($"/api/commands/{id}/artifact")).StatusCode);
        Assert.Contains(hub.Get<AuditLog>().List(), r => r is { Action: "command.artifact.delete", Actor: "hub" } && r.Detail.StartsWith(id, StringComparison.Ordinal));
        Assert.Contains("xoá", (await CommandHubClients.GetAsync(hub.Http, id)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
