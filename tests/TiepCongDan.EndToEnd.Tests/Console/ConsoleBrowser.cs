using Microsoft.Playwright;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.OperatorConsole;

/// <summary>Headless Chromium signed in to the hub's console through its login form, as an operator would be.</summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    private readonly ChromiumSession _chromium;

    private ConsoleBrowser(ChromiumSession chromium, IPage page)
    {
        _chromium = chromium;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Where build.sh keeps test results; the console's screenshots go in screens/console.</summary>
    public static string ScreensDirectory =>
        Directory.CreateDirectory(Path.Combine(BuiltPrograms.RepositoryRoot() ?? AppContext.BaseDirectory, "artifacts", "test-results", "screens", "console")).FullName;

    public static async Task<ConsoleBrowser> SignInAsync(HubProcess hub, string path = "/", string? user = null, string? password = null)
    {
        var chromium = await ChromiumSession.LaunchAsync();
        try
        {
            var page = chromium.Context.Pages.Count > 0 ? chromium.Context.Pages[0] : await chromium.Context.NewPageAsync();
            page.SetDefaultTimeout(20_000);
            // Without a session every page leads to the login form, which returns to the fleet overview.
            var response = await page.GotoAsync(hub.BaseAddress.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
            Assert.True(response is { Ok: true }, $"GET / answered {response?.Status}.\n{hub.Describe()}");
            await page.GetByLabel("Tên đăng nhập").FillAsync(user ?? HubProcess.AdminUser);
            await page.GetByLabel("Mật khẩu").FillAsync(password ?? hub.AdminPassword);
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Đăng nhập" }).ClickAsync();
            await page.WaitForURLAsync(hub.BaseAddress.ToString());
            if (path != "/")
            {
                response = await page.GotoAsync(new Uri(hub.BaseAddress, path).ToString());
                Assert.True(response is { Ok: true }, $"GET {path} answered {response?.Status}.\n{hub.Describe()}");
            }
            return new ConsoleBrowser(chromium, page);
        }
        catch
        {
            await chromium.DisposeAsync();
            throw;
        }
    }

    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(ScreensDirectory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 0, $"the screenshot {path} is empty");
        return path;
    }

    public ValueTask DisposeAsync() => _chromium.DisposeAsync();
}
