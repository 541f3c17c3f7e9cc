using System.Net;
using System.Net.Http.Json;
using TiepCongDan.Hub.Auth;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests;

public sealed class AuthTests
{
    [Fact]
    public void Pbkdf2_hashes_verify_the_right_password_only_and_are_salted()
    {
        var hash = PasswordHasher.Hash("mật khẩu đúng");
        var parts = hash.Split('$');
        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.True(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) >= 210_000);
        Assert.True(PasswordHasher.Verify("mật khẩu đúng", hash));
        Assert.False(PasswordHasher.Verify("mật khẩu sai", hash));
        Assert.NotEqual(hash, PasswordHasher.Hash("mật khẩu đúng"));
        Assert.False(PasswordHasher.Verify("x", "plain-text"));
    }

    [Fact]
    public async Task Api_needs_credentials_viewers_cannot_send_commands_admins_create_users()
    {
        await using var hub = await TestHub.StartAsync();

        var anonymous = await hub.Anonymous.GetAsync("/api/devices");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Basic", anonymous.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await hub.Client("admin", "wrong").GetAsync("/api/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hub.Anonymous.GetAsync("/healthz")).StatusCode);

        var created = await hub.Http.PostAsJsonAsync("/api/users", new { username = "an", password = "xem-thoi-nhe-123", role = "viewer" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var operatorUser = await hub.Http.PostAsJsonAsync("/api/users", new { username = "binh", password = "van-hanh-2026!", role = "operator" });
        Assert.Equal(HttpStatusCode.Created, operatorUser.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await hub.Http.PostAsJsonAsync("/api/users", new { username = "c", password = "short", role = "viewer" })).StatusCode);

        using var viewer = hub.Client("an", "xem-thoi-nhe-123");
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/devices/14-04171/commands", new { command = "ping" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/users", new { username = "d", password = "xxxxxxxxxxxx", role = "admin" })).StatusCode);

        using var op = hub.Client("binh", "van-hanh-2026!");
        // Allowed past authorisation: the kiosk is unknown, so 404 rather than 403.
        Assert.Equal(HttpStatusCode.NotFound, (await op.PostAsJsonAsync("/api/devices/14-04171/commands", new { command = "ping" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.PostAsJsonAsync("/api/users", new { username = "d", password = "xxxxxxxxxxxx", role = "admin" })).StatusCode);
    }

    [Fact]
    public async Task The_page_redirects_to_a_Vietnamese_login_and_the_cookie_opens_it()
    {
        await using var hub = await TestHub.StartAsync();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = hub.BaseAddress };

        var page = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery);
        var login = await browser.GetStringAsync("/login");
        Assert.Contains("Tên đăng nhập", login);
        Assert.Contains("Mật khẩu", login);

        var bad = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = "sai" }));
        Assert.Equal("/login?error=1", bad.Headers.Location!.OriginalString);
        var good = await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "admin", ["password"] = TestHub.AdminPassword }));
        Assert.Equal("/", good.Headers.Location!.OriginalString);

        var fleet = await browser.GetStringAsync("/");
        Assert.Contains("Trực tuyến", fleet);
        Assert.Contains("Mã điểm cầu", fleet);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/devices")).StatusCode);
    }

    [Fact]
    public async Task Without_TCD_ADMIN_PASSWORD_the_first_admin_password_is_generated_and_printed_once()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tcd-hub-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var database = new Storage.HubDatabase(dir);
            var users = new UserStore(database, TimeProvider.System);
            var console = new StringWriter();
            AdminBootstrap.EnsureAdmin(users, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, null, console);
            AdminBootstrap.EnsureAdmin(users, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, null, console);

            var line = Assert.Single(console.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("Mật khẩu quản trị ban đầu (chỉ hiện một lần):", line);
            var password = line.TrimEnd('\r').Split(' ').Last();
            Assert.Equal(Roles.Admin, users.Authenticate("admin", password));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
