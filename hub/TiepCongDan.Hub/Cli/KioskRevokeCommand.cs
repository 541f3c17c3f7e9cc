using System.Net.Http.Json;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Provisioning;

namespace TiepCongDan.Hub.Cli;

/// <summary>tcd-hub kiosk revoke ID: asks the running hub to revoke a kiosk (stored, enforced at once).</summary>
public static class KioskRevokeCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (options, positional) = CliRunner.Parse(args);
        if (positional.Count != 1 || !KioskId.IsValid(positional[0]))
        {
            stderr.WriteLine("tcd-hub kiosk revoke: give one kiosk id like 14-04171.");
            return CliRunner.ExitUsage;
        }

        using var admin = HubAdminClient.Create(options, null, stderr, "kiosk revoke");
        if (admin is null)
        {
            return CliRunner.ExitUsage;
        }

        try
        {
            using var response = await admin.PostAsJsonAsync($"api/kiosks/{positional[0]}/revoke", new RevokeKioskRequest(options.GetValueOrDefault("reason")));
            if (!response.IsSuccessStatusCode)
            {
                stderr.WriteLine($"tcd-hub kiosk revoke: the hub answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return 1;
            }
        }
        catch (HttpRequestException ex)
        {
            stderr.WriteLine($"tcd-hub kiosk revoke: cannot reach the hub at {admin.BaseAddress} ({ex.Message}).");
            return 1;
        }

        stdout.WriteLine($"Kiosk {positional[0]} revoked: the hub refuses it on MQTT, SRT and its HTTP API, and closed its open sessions.");
        return 0;
    }
}
