using System.Net.Http.Json;
using TiepCongDan.Hub.Api;
using TiepCongDan.Hub.Auth;

namespace TiepCongDan.Hub.Cli;

/// <summary>
/// tcd-hub user add NAME --role viewer|operator|admin [--provinces 14,15] --password-file F: asks the
/// running hub (as an admin of every province, like kiosk revoke) to create or replace an operator
/// account, so the change is checked and audited as one made in the API.
/// </summary>
public static class UserCommand
{
    public const string Usage = """
          tcd-hub user add <name> --role viewer|operator|admin [--provinces 14,15] --password-file F
                           --api-url URL [--admin-user U] [--admin-password-file P]
                                                      create or replace an operator account (no --provinces: every province)
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (options, positional) = CliRunner.Parse(args);
        if (positional.Count != 2 || positional[0] != "add" || !options.TryGetValue("role", out var role) || !Roles.IsValid(role))
        {
            stderr.WriteLine("usage:\n" + Usage);
            return CliRunner.ExitUsage;
        }

        if (!ProvinceScope.TryNormalize(options.GetValueOrDefault("provinces"), out var provinces, out var problem))
        {
            stderr.WriteLine("tcd-hub user add: " + problem);
            return CliRunner.ExitUsage;
        }

        var password = options.TryGetValue("password-file", out var file) && File.Exists(file)
            ? File.ReadAllText(file).Trim()
            : Environment.GetEnvironmentVariable("TCD_USER_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            stderr.WriteLine("tcd-hub user add: the new user's password is needed: --password-file FILE or TCD_USER_PASSWORD.");
            return CliRunner.ExitUsage;
        }

        using var admin = HubAdminClient.Create(options, null, stderr, "user add");
        if (admin is null)
        {
            return CliRunner.ExitUsage;
        }

        try
        {
            using var response = await admin.PostAsJsonAsync("api/users", new CreateUserRequest(positional[1], password, role, provinces));
            if (!response.IsSuccessStatusCode)
            {
                stderr.WriteLine($"tcd-hub user add: the hub answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return 1;
            }
        }
        catch (HttpRequestException ex)
        {
            stderr.WriteLine($"tcd-hub user add: cannot reach the hub at {admin.BaseAddress} ({ex.Message}).");
            return 1;
        }

        stdout.WriteLine($"Tài khoản {positional[1]} ({role}) đã lưu; tỉnh: {(provinces.Length == 0 ? "tất cả" : provinces)}.");
        return 0;
    }
}
