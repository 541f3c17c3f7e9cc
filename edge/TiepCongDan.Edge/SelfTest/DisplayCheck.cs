using System.Net.Http.Json;
using System.Text.Json;
using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Screen;

namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// The display answers: the kiosk page server serves the page and its state on 127.0.0.1 (the
/// self-test's own, or the running service's), and, where Edge:Screen:DisplayPower names a method,
/// switching the display on with it succeeds.
/// </summary>
public sealed class DisplayCheck(EdgeScreenOptions screen, IDisplayPowerSink? power) : ISelfTestCheck
{
    public string Id => SelfTestCheckIds.Display;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    public (string Vietnamese, string English) Advice =>
        ("Kiểm tra dây màn hình và nguồn màn hình; khởi động lại điểm cầu; nếu vẫn lỗi, báo kỹ thuật viên trung tâm.",
         "Check the display's cable and power; restart the kiosk; if it still fails, call the hub's technician.");

    public async Task<SelfTestOutcome> RunAsync(CancellationToken cancellationToken)
    {
        if (!screen.Enabled)
        {
            return SelfTestOutcome.Skip("Màn hình điểm cầu chưa được bật trong cấu hình (Edge:Screen:Enabled=false).",
                "The kiosk screen is not enabled in the configuration (Edge:Screen:Enabled=false).");
        }

        var (adviceVi, adviceEn) = Advice;
        var address = new Uri($"http://{EdgeScreenOptions.LoopbackAddress}:{screen.Port}/");
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        string state;
        var started = Environment.TickCount64;
        try
        {
            using var page = await http.GetAsync(new Uri("/", UriKind.Relative), cancellationToken);
            page.EnsureSuccessStatusCode();
            using var json = await http.GetFromJsonAsync<JsonDocument>(new Uri("/api/screen/state", UriKind.Relative), cancellationToken)
                ?? throw new HttpRequestException("empty state");
            state = json.RootElement.TryGetProperty("state", out var s) ? s.ToString() : "?";
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return SelfTestOutcome.Fail($"Trang màn hình điểm cầu không trả lời tại {address} ({ex.Message}).",
                $"The kiosk page does not answer at {address} ({ex.Message}).",
                "Khởi động lại dịch vụ tcd-edge (systemctl restart tcd-edge) rồi chạy lại tự kiểm tra.",
                "Restart the tcd-edge service (systemctl restart tcd-edge) and rerun the self-test.").With("address", address.ToString());
        }

        var answeredMs = Environment.TickCount64 - started;
        if (screen.DisplayPower == DisplayPowerSinks.None || power is null)
        {
            return SelfTestOutcome.Pass("Trang màn hình trả lời; điểm cầu không điều khiển nguồn màn hình (Edge:Screen:DisplayPower=none).",
                    "The kiosk page answers; this kiosk does not switch the display's power (Edge:Screen:DisplayPower=none).")
                .With("address", address.ToString()).With("pageMs", answeredMs).With("screenState", state).With("displayPower", screen.DisplayPower);
        }

        try
        {
            await Task.Run(() => power.SetPower(true), cancellationToken);
        }
        catch (DisplayPowerException ex)
        {
            return SelfTestOutcome.Fail($"Trang màn hình trả lời nhưng lệnh bật màn hình ({screen.DisplayPower}) lỗi: {ex.Message}",
                    $"The kiosk page answers but switching the display on ({screen.DisplayPower}) failed: {ex.Message}", adviceVi, adviceEn)
                .With("address", address.ToString()).With("displayPower", screen.DisplayPower);
        }

        return SelfTestOutcome.Pass($"Trang màn hình trả lời và lệnh bật màn hình ({screen.DisplayPower}) thành công.",
                $"The kiosk page answers and switching the display on ({screen.DisplayPower}) succeeded.")
            .With("address", address.ToString()).With("pageMs", answeredMs).With("screenState", state).With("displayPower", screen.DisplayPower);
    }
}
