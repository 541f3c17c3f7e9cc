using Microsoft.Playwright;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.OperatorConsole;

/// <summary>The English toggle: switches the texts and &lt;html lang&gt;, survives a reload and other pages, and switches back.</summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class Language_Tests
{
    [Fact]
    public async Task English_toggle_switches_texts_and_persists_across_pages_and_reloads()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        await using var hub = await ConsoleFleet.StartHubAsync(ct);
        await using var fleet = await ConsoleFleet.ConnectAsync(hub, [new SeededKiosk("48-20194")], ct);
        await using var browser = await ConsoleBrowser.SignInAsync(hub);
        var page = browser.Page;
        var html = page.Locator("html");
        var nav = page.Locator("nav#nav");

        await Assertions.Expect(html).ToHaveAttributeAsync("lang", "vi");
        await Assertions.Expect(nav).ToContainTextAsync("Tổng quan điểm cầu");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Giám sát điểm cầu tiếp công dân");
        await Assertions.Expect(page.Locator("[data-kiosk-id=\"48-20194\"] td.state")).ToHaveTextAsync("Trực tuyến");

        await page.Locator("#lang-toggle").ClickAsync();
        await Assertions.Expect(html).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(nav).ToContainTextAsync("Fleet overview");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Citizen reception kiosk monitoring");
        await Assertions.Expect(page.Locator("[data-kiosk-id=\"48-20194\"] td.state")).ToHaveTextAsync("Online");
        await Assertions.Expect(page.Locator("#lang-toggle")).ToHaveTextAsync("Tiếng Việt");

        await page.ReloadAsync();
        await Assertions.Expect(html).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("[data-kiosk-id=\"48-20194\"] td.state")).ToHaveTextAsync("Online");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Alerts" }).ClickAsync();
        await page.WaitForURLAsync(new Uri(hub.BaseAddress, "/alerts.html").ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Alerts");
        await browser.ScreenshotAsync("alerts-english");

        await page.Locator("#lang-toggle").ClickAsync();
        await Assertions.Expect(html).ToHaveAttributeAsync("lang", "vi");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Cảnh báo");
        await Assertions.Expect(nav).ToContainTextAsync("Phiên đang diễn ra");
    }
}
