using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TiepCongDan.Hub.Auth;

namespace TiepCongDan.Hub.Tests.Access;

/// <summary>Users' provinces: validated, stored, carried by the Basic and the cookie principal, changed by the CLI.</summary>
[Collection(AccessCollection.Name)]
public sealed class UserScopeTests(AccessWorld world)
{
    [Theory]
    [InlineData("", "")]
    [InlineData("all", "")]
    [InlineData("15, 14 14", "14,15")]
    [InlineData("01;79", "01,79")]
    public void Province_lists_are_normalised(string text, string expected)
    {
        Assert.True(ProvinceScope.TryNormalize(text, out var normalized, out var error), error);
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("140")]
    [InlineData("1a")]
    [InlineData("14,hà giang")]
    public void Bad_province_codes_are_refused_with_a_sentence(string text)
    {
        Assert.False(ProvinceScope.TryNormalize(text, out _, out var error));
        Assert.Contains("2-digit", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_validates_and_lists_provinces_and_only_an_admin_of_all_manages_users()
    {
        using var bad = await world.FleetAdmin.PostAsJsonAsync("api/users", new { username = "sai-tinh", password = "mat-khau-dai-du", role = "viewer", provinces = "1a" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("2-digit", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var ok = await world.FleetAdmin.PostAsJsonAsync("api/users", new { username = "hai-tinh", password = "mat-khau-dai-du", role = "viewer", provinces = "15,14" });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);

        var users = await world.FleetAdmin.GetFromJsonAsync<JsonElement[]>("api/users");
        Assert.Contains(users!, u => u.GetProperty("username").GetString() == "hai-tinh" && u.GetProperty("provinces").GetString() == "14,15");
        Assert.Contains(users!, u => u.GetProperty("username").GetString() == "admin" && u.GetProperty("provinces").GetString() == string.Empty);

        // A province admin may not make anyone, least of all an admin of every province.
        using var escalate = await world.Admin14.PostAsJsonAsync("api/users", new { username = "adm-all", password = "mat-khau-dai-du", role = "admin" });
        Assert.Equal(HttpStatusCode.Forbidden, escalate.StatusCode);
        using var own = await world.Admin14.PostAsJsonAsync("api/users", new { username = "op14-moi", password = "mat-khau-dai-du", role = "operator", provinces = "14" });
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);

        using var both = world.Hub.Client("hai-tinh", "mat-khau-dai-du");
        var devices = await both.GetStringAsync("api/devices");
        Assert.Contains(world.Fill("{k14}"), devices, StringComparison.Ordinal);
        Assert.Contains(world.Fill("{k15}"), devices, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_cookie_carries_the_provinces_and_follows_a_change_of_them()
    {
        using var created = await world.FleetAdmin.PostAsJsonAsync("api/users", new { username = "cookie14", password = "mat-khau-cookie", role = "viewer", provinces = "14" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = world.Hub.BaseAddress };
        using var login = await browser.PostAsync("login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "cookie14", ["password"] = "mat-khau-cookie" }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var devices = await browser.GetStringAsync("api/devices");
        Assert.Contains(world.Fill("{k14}"), devices, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Fill("{k15}"), devices, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(world.Fill("api/devices/{k15}"))).StatusCode);

        using var moved = await world.FleetAdmin.PostAsJsonAsync("api/users", new { username = "cookie14", password = "mat-khau-cookie", role = "viewer", provinces = "15" });
        Assert.Equal(HttpStatusCode.Created, moved.StatusCode);
        devices = await browser.GetStringAsync("api/devices");
        Assert.Contains(world.Fill("{k15}"), devices, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Fill("{k14}"), devices, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CLI_adds_a_province_user_through_the_API()
    {
        var dir = Directory.CreateTempSubdirectory("tcd-access-cli-").FullName;
        try
        {
            var password = Path.Combine(dir, "password");
            var adminPassword = Path.Combine(dir, "admin-password");
            await File.WriteAllTextAsync(password, "mat-khau-tu-cli\n");
            await File.WriteAllTextAsync(adminPassword, Infrastructure.TestHub.AdminPassword);

            var (bad, badOutput) = await AuditTrailTests.CliAsync("user", "add", "cli15", "--role", "viewer", "--provinces", "15,1x",
                "--password-file", password, "--api-url", world.Hub.BaseAddress.ToString(), "--admin-password-file", adminPassword);
            Assert.Equal(Cli.CliRunner.ExitUsage, bad);
            Assert.Contains("'1x'", badOutput, StringComparison.Ordinal);

            var (code, output) = await AuditTrailTests.CliAsync("user", "add", "cli15", "--role", "viewer", "--provinces", "15",
                "--password-file", password, "--api-url", world.Hub.BaseAddress.ToString(), "--admin-password-file", adminPassword);
            Assert.True(code == 0, output);
            Assert.Contains("tỉnh: 15", output, StringComparison.Ordinal);

            using var cli15 = world.Hub.Client("cli15", "mat-khau-tu-cli");
            var devices = await cli15.GetStringAsync("api/devices");
            Assert.Contains(world.Fill("{k15}"), devices, StringComparison.Ordinal);
            Assert.DoesNotContain(world.Fill("{k14}"), devices, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
