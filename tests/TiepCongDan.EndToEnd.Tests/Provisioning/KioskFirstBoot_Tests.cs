using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.Provisioning;

/// <summary>
/// The technician's whole path with the real programs: `tcd-hub provision` against the running
/// hub writes the bundle, `tcd-edge firstboot` installs it into folders standing for /boot/firmware,
/// /etc/tcd-edge and /var/lib/tcd-edge, tcd-edge runs from the installed edge.json and comes online;
/// `tcd-hub kiosk revoke` then takes it off the hub, and a tampered bundle is refused by the command.
/// Needs HubApp to add provisioning and Program.cs to dispatch `firstboot` (see issue 7's report).
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class KioskFirstBoot_Tests
{
    [Fact]
    public async Task Provision_firstboot_online_then_revoke_takes_the_kiosk_off_the_hub()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        using var card = new TempDirectory("firstboot");
        Directory.CreateDirectory(card.Combine("boot"));
        var bundle = card.Combine("boot", "tcd-kiosk.bundle");
        var environment = new Dictionary<string, string> { ["TCD_ADMIN_PASSWORD"] = hub.AdminPassword };

        await using var provision = ChildProcess.Start("tcd-hub provision", ChildProcess.DotnetHost,
        [
            BuiltPrograms.Hub, "provision", "--province", "26", "--commune", "08997",
            "--hub-url", hub.BaseAddress.ToString().TrimEnd('/'), "--mqtt-host", "127.0.0.1", "--mqtt-port", $"{hub.MqttPort}", "--no-tls",
            "--srt-host", "127.0.0.1", "--srt-port", $"{hub.SrtPort}", "--out", bundle, "--data-dir", hub.DataDirectory,
        ], environment);
        Assert.True(await provision.WaitForExitAsync(TimeSpan.FromSeconds(60), ct) && provision.ExitCode == 0, provision.Describe());
        var code = provision.Output.Lines.Single(l => l.Contains("Activation code: ", StringComparison.Ordinal)).Split("Activation code: ")[1].Trim();
        Assert.True(File.Exists(bundle), provision.Describe());

        await using var firstboot = ChildProcess.StartDotnet("tcd-edge firstboot", BuiltPrograms.Edge,
            ["firstboot", "--bundle", bundle, "--etc", card.Combine("etc"), "--data", card.Combine("data"), "--code", code]);
        Assert.True(await firstboot.WaitForExitAsync(TimeSpan.FromSeconds(60), ct) && firstboot.ExitCode == 0, firstboot.Describe());
        Assert.False(File.Exists(bundle), "the bundle must leave the boot partition");
        Assert.Contains(firstboot.Output.Lines, l => l.Contains("Enrolled with the hub", StringComparison.Ordinal));

        await using var edge = ChildProcess.StartDotnet("tcd-edge 26-08997", BuiltPrograms.Edge,
            [.. InstalledConfigAsArguments(card.Combine("etc", "edge.json")), "--Edge:Media:Enabled=false", "--Edge:Mqtt:KeepAliveSeconds=5"]);
        await hub.WaitForDeviceAsync("26-08997", d => d.Online, TimeSpan.FromSeconds(60), "online from the installed edge.json", edge.Describe, ct);

        await using var revoke = ChildProcess.Start("tcd-hub kiosk revoke", ChildProcess.DotnetHost,
            [BuiltPrograms.Hub, "kiosk", "revoke", "26-08997", "--reason", "test", "--api-url", hub.BaseAddress.ToString()], environment);
        Assert.True(await revoke.WaitForExitAsync(TimeSpan.FromSeconds(60), ct) && revoke.ExitCode == 0, revoke.Describe());
        await hub.WaitForDeviceAsync("26-08997", d => !d.Online, TimeSpan.FromSeconds(60), "offline once revoked", edge.Describe, ct);
        await Poll.UntilAsync(
            async c => (await hub.GetMetricsAsync(c)).Sum("tcd_hub_refused_connections_total", l => l.GetValueOrDefault("reason") == "revoked") >= 1,
            TimeSpan.FromSeconds(60), "the kiosk's reconnect refused as revoked", hub.Describe, TimeSpan.FromMilliseconds(500), ct);
        using var registrations = await hub.Http.GetFromJsonAsync<JsonDocument>("api/kiosks/registrations", ct);
        var row = registrations!.RootElement.EnumerateArray().Single(r => r.GetProperty("kioskId").GetString() == "26-08997");
        Assert.Equal(JsonValueKind.String, row.GetProperty("enrolledAt").ValueKind);
        Assert.Equal(JsonValueKind.String, row.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task Tcd_edge_firstboot_refuses_a_bundle_with_one_byte_flipped_and_installs_nothing()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        using var card = new TempDirectory("firstboot-tampered");
        Directory.CreateDirectory(card.Combine("boot"));
        var bundle = card.Combine("boot", "tcd-kiosk.bundle");
        await using var provision = ChildProcess.Start("tcd-hub provision", ChildProcess.DotnetHost,
        [
            BuiltPrograms.Hub, "provision", "--province", "26", "--commune", "08996", "--hub-url", hub.BaseAddress.ToString().TrimEnd('/'),
            "--mqtt-host", "127.0.0.1", "--out", bundle, "--data-dir", hub.DataDirectory,
        ], new Dictionary<string, string> { ["TCD_ADMIN_PASSWORD"] = hub.AdminPassword });
        Assert.True(await provision.WaitForExitAsync(TimeSpan.FromSeconds(60), ct) && provision.ExitCode == 0, provision.Describe());
        var code = provision.Output.Lines.Single(l => l.Contains("Activation code: ", StringComparison.Ordinal)).Split("Activation code: ")[1].Trim();
        var bytes = await File.ReadAllBytesAsync(bundle, ct);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(bundle, bytes, ct);

        await using var firstboot = ChildProcess.StartDotnet("tcd-edge firstboot", BuiltPrograms.Edge,
            ["firstboot", "--bundle", bundle, "--etc", card.Combine("etc"), "--data", card.Combine("data"), "--code", code]);

        Assert.True(await firstboot.WaitForExitAsync(TimeSpan.FromSeconds(60), ct), firstboot.Describe());
        Assert.Equal(65, firstboot.ExitCode);
        Assert.Contains(firstboot.Output.Lines, l => l.Contains("Không cài đặt gì", StringComparison.Ordinal));
        Assert.Contains(firstboot.Output.Lines, l => l.Contains("Nothing installed", StringComparison.Ordinal));
        Assert.True(File.Exists(bundle));
        Assert.False(Directory.Exists(card.Combine("etc")));
        Assert.False(Directory.Exists(card.Combine("data")));
    }

    /// <summary>The installed edge.json as --Key=value arguments: tcd-edge reads /etc/tcd-edge/edge.json, which a test cannot write.</summary>
    private static IEnumerable<string> InstalledConfigAsArguments(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var arguments = new List<string>();
        Flatten(document.RootElement, string.Empty, arguments);
        return arguments;
    }

    private static void Flatten(JsonElement element, string prefix, List<string> into)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}", into);
            }

            return;
        }

        into.Add($"--{prefix}={(element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText())}");
    }
}
