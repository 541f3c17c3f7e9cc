using Microsoft.Playwright;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests;

/// <summary>
/// The fleet page in Debian's headless Chromium: lists every kiosk, and turns a killed kiosk's row
/// offline live (server-sent events), with no reload of the page.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class FleetPage_Tests
{
    private const string KioskA = "48-20194";
    private const string KioskB = "48-20195";

    [Fact]
    public async Task Fleet_page_lists_both_kiosks_and_shows_a_killed_one_offline_without_a_reload()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        await using var edgeA = EdgeProcess.Start(KioskA, hub);
        await using var edgeB = EdgeProcess.Start(KioskB, hub);
        await edgeA.WaitOnHubAsync(hub, d => d.Online, TimeSpan.FromSeconds(45), "online", ct);
        await edgeB.WaitOnHubAsync(hub, d => d.Online, TimeSpan.FromSeconds(45), "online", ct);

        await using var chromium = await ChromiumSession.LaunchAsync();
        var page = chromium.Context.Pages.Count > 0 ? chromium.Context.Pages[0] : await chromium.Context.NewPageAsync();
        page.SetDefaultTimeout(20_000);

        // An operator's way in: the fleet page sends a browser without a session to the login form.
        var response = await page.GotoAsync(hub.BaseAddress.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.True(response is { Ok: true }, $"GET / answered {response?.Status}.\n{hub.Describe()}");
        await page.GetByLabel("Tên đăng nhập").FillAsync(HubProcess.AdminUser);
        await page.GetByLabel("Mật khẩu").FillAsync(hub.AdminPassword);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(hub.BaseAddress.ToString());
        await Assertions.Expect(StateOf(page, KioskA, "online")).ToBeVisibleAsync();
        await Assertions.Expect(StateOf(page, KioskB, "online")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-kiosk-id]")).ToHaveCountAsync(2);

        // A marker that only survives if the page is never reloaded or navigated away from.
        await page.EvaluateAsync("() => { window.__e2eMarker = 'still-the-same-page'; }");
        var navigations = 0;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                navigations++;
            }
        };

        await edgeA.KillAsync();
        await Assertions.Expect(StateOf(page, KioskA, "offline")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 20_000 });
        await Assertions.Expect(StateOf(page, KioskB, "online")).ToBeVisibleAsync();
        // What the operator reads, in Vietnamese.
        await Assertions.Expect(page.Locator($"[data-kiosk-id=\"{KioskA}\"]")).ToContainTextAsync("Ngoại tuyến");
        await Assertions.Expect(page.Locator($"[data-kiosk-id=\"{KioskB}\"]")).ToContainTextAsync("Trực tuyến");

        Assert.Equal("still-the-same-page", await page.EvaluateAsync<string>("() => window.__e2eMarker"));
        Assert.Equal(0, navigations);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "fleet-page-kiosk-offline.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 0, "the screenshot is empty");
    }

    /// <summary>The kiosk's row carrying the state, whether data-state sits on the row or on a cell inside it.</summary>
    private static ILocator StateOf(IPage page, string kioskId, string state) =>
        page.Locator($"[data-kiosk-id=\"{kioskId}\"][data-state=\"{state}\"], [data-kiosk-id=\"{kioskId}\"] [data-state=\"{state}\"]").First;
}
