using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.OperatorConsole;

/// <summary>
/// The kiosk page in headless Chromium: readings and every peripheral's state, a history chart
/// with points, the kiosk's alert, the remote-command confirmation with its privacy warning, and
/// no command panel for a viewer.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class KioskPage_Tests
{
    private const string Kiosk = "14-04171-02";

    [Fact]
    public async Task Kiosk_page_shows_peripherals_history_chart_alerts_and_confirms_commands()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var ct = cts.Token;
        await using var hub = await ConsoleFleet.StartHubAsync(ct);
        await using var fleet = await ConsoleFleet.ConnectAsync(hub, ConsoleFleet.Default, ct);
        await ConsoleApi.WaitForOpenAlertAsync(hub, Kiosk, "peripheral", ct);
        await ConsoleApi.WaitForHistoryAsync(hub, Kiosk, 2, ct);

        await using var browser = await ConsoleBrowser.SignInAsync(hub, "/kiosk.html?id=" + Kiosk);
        var page = browser.Page;
        await Assertions.Expect(page.Locator("#title")).ToHaveTextAsync("Điểm cầu " + Kiosk);
        await Assertions.Expect(page.Locator("#kiosk-state")).ToHaveTextAsync("Trực tuyến");
        await Assertions.Expect(page.Locator("#stale")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#peripherals li")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("li[data-device=\"camera\"]")).ToHaveAttributeAsync("data-status", "absent");
        await Assertions.Expect(page.Locator("li[data-device=\"camera\"]")).ToContainTextAsync("Camera: không thấy (không thấy /dev/video0)");
        await Assertions.Expect(page.Locator("li[data-device=\"microphone\"]")).ToContainTextAsync("Micrô: hoạt động");
        await Assertions.Expect(page.Locator("dd[data-metric=\"m.temp\"]")).ToHaveTextAsync("51,5 °C");

        // The temperature chart is a line through the hub's history samples.
        var line = page.Locator("figure[data-chart=\"temp\"] polyline");
        await Assertions.Expect(line).ToHaveCountAsync(1);
        var points = int.Parse(await line.GetAttributeAsync("data-count") ?? "0", CultureInfo.InvariantCulture);
        Assert.True(points >= 2, $"the temperature chart has {points} points");
        await Assertions.Expect(page.Locator("figure[data-chart=\"temp\"] figcaption")).ToContainTextAsync("Nhiệt độ CPU");
        await Assertions.Expect(page.Locator("figure")).ToHaveCountAsync(5);

        // The kiosk's open alert, in Vietnamese.
        await Assertions.Expect(page.Locator("#alerts tbody tr").First).ToContainTextAsync("thiết bị");
        await Assertions.Expect(page.Locator("#alerts tbody tr").First).ToContainTextAsync("Đang mở");
        await Assertions.Expect(page.Locator("#selftest")).ToHaveTextAsync("Chưa có kết quả tự kiểm tra.");

        // A screenshot command asks first, with the privacy warning; cancelling sends nothing.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Chụp màn hình điểm cầu" }).ClickAsync();
        var dialog = page.Locator("dialog#confirm");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog).ToContainTextAsync("Quyền riêng tư");
        await Assertions.Expect(dialog).ToContainTextAsync(Kiosk);
        await browser.ScreenshotAsync("kiosk-command-confirm");
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Hủy" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#command-log li")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("kiosk-page");

        // A viewer sees the page without the command buttons.
        using (var admin = hub.CreateClient(withCredentials: true))
        {
            using var created = await admin.PostAsJsonAsync("/api/users", new { username = "xem", password = "mat-khau-xem-1234", role = "viewer" }, ct);
            Assert.True(created.IsSuccessStatusCode, $"creating the viewer answered {(int)created.StatusCode}");
        }

        await using var viewer = await ConsoleBrowser.SignInAsync(hub, "/kiosk.html?id=" + Kiosk, "xem", "mat-khau-xem-1234");
        await Assertions.Expect(viewer.Page.Locator("#commands-viewer")).ToBeVisibleAsync();
        await Assertions.Expect(viewer.Page.Locator("#commands")).ToBeHiddenAsync();
        await Assertions.Expect(viewer.Page.Locator("#commands button")).ToHaveCountAsync(0);
    }
}
