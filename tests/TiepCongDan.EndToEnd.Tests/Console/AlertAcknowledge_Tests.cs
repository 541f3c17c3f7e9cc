using Microsoft.Playwright;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.OperatorConsole;

/// <summary>An operator acknowledges an open alert from the alerts page; the API then shows it acknowledged with the comment.</summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class AlertAcknowledge_Tests
{
    [Fact]
    public async Task Alert_acknowledged_on_the_page_is_acknowledged_in_the_api_with_its_comment()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        await using var hub = await ConsoleFleet.StartHubAsync(ct);
        await using var fleet = await ConsoleFleet.ConnectAsync(hub, [new SeededKiosk("14-04171-02", CameraAbsent: true)], ct);
        var alert = await ConsoleApi.WaitForOpenAlertAsync(hub, "14-04171-02", "peripheral", ct);
        var id = alert.GetProperty("id").GetInt64();

        await using var browser = await ConsoleBrowser.SignInAsync(hub, "/alerts.html");
        var page = browser.Page;
        var row = page.Locator($"tr[data-alert-id=\"{id}\"]");
        await Assertions.Expect(row).ToContainTextAsync("14-04171-02");
        await Assertions.Expect(row).ToContainTextAsync("Đang mở");
        await Assertions.Expect(row).ToContainTextAsync("Nghiêm trọng");
        const string Comment = "Đã gọi cán bộ xã kiểm tra dây camera";
        await row.Locator("input[name=\"comment\"]").FillAsync(Comment);
        await row.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Xác nhận" }).ClickAsync();
        await Assertions.Expect(page.Locator("#alert-status")).ToHaveTextAsync("Đã xác nhận cảnh báo.");
        await Assertions.Expect(row).ToContainTextAsync("Đã xác nhận bởi admin: " + Comment);

        var after = await ConsoleApi.GetAsync(hub, $"/api/alerts/{id}", ct);
        Assert.Equal("acknowledged", after.GetProperty("state").GetString());
        Assert.Equal(Comment, after.GetProperty("comment").GetString());
        Assert.Equal("admin", after.GetProperty("acknowledgedBy").GetString());
        await browser.ScreenshotAsync("alerts-acknowledged");
    }
}
