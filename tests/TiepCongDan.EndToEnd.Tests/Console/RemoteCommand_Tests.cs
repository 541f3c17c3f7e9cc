using Microsoft.Playwright;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.OperatorConsole;

/// <summary>
/// Remote commands from the kiosk page: after the confirmation, the command reaches the kiosk over
/// MQTT and the page shows it sent; to an offline kiosk the hub refuses and the page says why.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class RemoteCommand_Tests
{
    [Fact]
    public async Task Confirmed_command_reaches_the_kiosk_and_an_offline_kiosk_refusal_is_shown()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = cts.Token;
        await using var hub = await ConsoleFleet.StartHubAsync(ct);
        await using var fleet = await ConsoleFleet.ConnectAsync(hub, [new SeededKiosk("48-20194"), new SeededKiosk("48-20195")], ct);
        await using var browser = await ConsoleBrowser.SignInAsync(hub, "/kiosk.html?id=48-20194");
        var page = browser.Page;
        var dialog = page.Locator("dialog#confirm");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Yêu cầu gửi lại toàn bộ số đo" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.Locator("#confirm-privacy")).ToBeHiddenAsync();
        await dialog.Locator("textarea").FillAsync("Số đo của điểm cầu không khớp");
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Gửi lệnh" }).ClickAsync();
        var entry = page.Locator("#command-log li[data-command=\"rebirth\"]");
        await Assertions.Expect(entry).ToContainTextAsync("Yêu cầu gửi lại toàn bộ số đo");
        Assert.NotEqual("error", await entry.GetAttributeAsync("data-state"));
        await Poll.UntilAsync(_ => Task.FromResult(fleet.ReceivedCommand("48-20194", NodeMetrics.Rebirth)), received => received,
            TimeSpan.FromSeconds(15), "the kiosk to receive the rebirth NCMD", hub.Describe, cancellationToken: ct);

        await fleet.ShutDownAsync("48-20195", ct);
        await hub.WaitForDeviceAsync("48-20195", d => !d.Online, TimeSpan.FromSeconds(15), "offline", hub.Describe, ct);
        await page.GotoAsync(new Uri(hub.BaseAddress, "/kiosk.html?id=48-20195").ToString());
        await Assertions.Expect(page.Locator("#kiosk-state")).ToHaveTextAsync("Ngoại tuyến");
        await Assertions.Expect(page.Locator("#stale")).ToContainTextAsync("số liệu cuối cùng trước khi mất kết nối");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Khởi động lại máy" }).ClickAsync();
        await Assertions.Expect(dialog.Locator("#confirm-disruptive")).ToBeVisibleAsync();
        await dialog.Locator("textarea").FillAsync("Điểm cầu treo");
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Gửi lệnh" }).ClickAsync();
        var refused = page.Locator("#command-log li[data-command=\"reboot\"]");
        await Assertions.Expect(refused).ToHaveAttributeAsync("data-state", "error");
        await Assertions.Expect(refused).ToContainTextAsync("điểm cầu đang ngoại tuyến");
        Assert.False(fleet.ReceivedCommand("48-20194", NodeMetrics.Reboot), "a reboot reached a kiosk it was not sent to");
        await browser.ScreenshotAsync("kiosk-commands");
    }
}
