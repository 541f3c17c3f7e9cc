using System.Collections.Concurrent;
using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Controls.Simulation;

namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// Each button of the panel, one after the other: the technician is asked (console and kiosk screen)
/// to press it, and the panel must report that button's press within <see cref="PerButton"/>. On a
/// simulated panel with <see cref="simulator"/> given, the check presses it itself through the
/// simulated GPIO chip, so the real debounce logic decides. A stuck (held) button fails at once.
/// </summary>
public sealed class ButtonsCheck(ButtonPanel panel, ISelfTestPrompter prompter, ButtonPanelSimulator? simulator, TimeProvider time) : ISelfTestCheck
{
    public string Id => SelfTestCheckIds.Buttons;

    /// <summary>How long the technician has for each button.</summary>
    public TimeSpan PerButton { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan Timeout => (PerButton * ButtonRoleNames.All.Count) + TimeSpan.FromSeconds(10);

    public (string Vietnamese, string English) Advice =>
        ("Kiểm tra dây nối của các nút chưa nhận được tới bảng mạch (sơ đồ chân GPIO), rồi chạy lại tự kiểm tra.",
         "Check the wiring of the buttons that were not seen to the board (the GPIO pin map), then rerun the self-test.");

    public async Task<SelfTestOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var (adviceVi, adviceEn) = Advice;
        var stuck = panel.StuckButtons();
        if (stuck.Count > 0)
        {
            var names = string.Join(", ", stuck.Select(ButtonRoleNames.Vietnamese));
            return SelfTestOutcome.Fail($"Nút bị kẹt (đang bị giữ): {names}.", $"Stuck (held down) button: {string.Join(", ", stuck.Select(ButtonRoleNames.Key))}.",
                "Nhả hoặc sửa nút bị kẹt rồi chạy lại tự kiểm tra.", "Free or repair the stuck button, then rerun the self-test.");
        }

        var pressed = new ConcurrentDictionary<ButtonRole, bool>();
        var signal = new SemaphoreSlim(0);
        void OnChanged(object? sender, ButtonEvent e)
        {
            if (e.Kind is ButtonEventKind.Press or ButtonEventKind.Click && pressed.TryAdd(e.Role, true))
            {
                signal.Release();
            }
        }

        var missing = new List<ButtonRole>();
        var measurements = new Dictionary<string, string>(StringComparer.Ordinal);
        panel.ButtonChanged += OnChanged;
        try
        {
            foreach (var role in ButtonRoleNames.All)
            {
                var begin = time.GetTimestamp();
                prompter.Prompt(new SelfTestPrompt(Id, $"Nhấn {ButtonRoleNames.Vietnamese(role)}", $"Press the {ButtonRoleNames.Key(role)} button", role));
                var press = simulator is null ? Task.CompletedTask : PressAsync(simulator, role, cancellationToken);
                var seen = await WaitForAsync(role, pressed, signal, cancellationToken);
                await press;
                measurements[ButtonRoleNames.Key(role) + "Ms"] = seen
                    ? ((long)time.GetElapsedTime(begin).TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : "none";
                if (!seen)
                {
                    missing.Add(role);
                }
            }
        }
        finally
        {
            panel.ButtonChanged -= OnChanged;
        }

        var mode = simulator is null ? "by-hand" : "simulated";
        if (missing.Count == 0)
        {
            return SelfTestOutcome.Pass($"Nhận được đủ {ButtonRoleNames.All.Count} nút.", $"All {ButtonRoleNames.All.Count} buttons were seen.")
                .With(measurements).With("mode", mode);
        }

        return SelfTestOutcome.Fail(
                $"Không nhận được: {string.Join(", ", missing.Select(ButtonRoleNames.Vietnamese))} (chờ mỗi nút {PerButton.TotalSeconds:0} giây).",
                $"Not seen: {string.Join(", ", missing.Select(ButtonRoleNames.Key))} (waited {PerButton.TotalSeconds:0} s for each).",
                adviceVi, adviceEn)
            .With(measurements).With("mode", mode).With("missing", string.Join(",", missing.Select(ButtonRoleNames.Key)));
    }

    private async Task<bool> WaitForAsync(ButtonRole role, ConcurrentDictionary<ButtonRole, bool> pressed, SemaphoreSlim signal, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(PerButton);
        try
        {
            while (!pressed.ContainsKey(role))
            {
                await signal.WaitAsync(limit.Token);
            }

            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>A short press on the simulated chip: closed for the debounce time and a margin, then open.</summary>
    private async Task PressAsync(ButtonPanelSimulator driver, ButtonRole role, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken);
        driver.Press(role);
        try
        {
            await Task.Delay(panel.Settings.Timings.Debounce + TimeSpan.FromMilliseconds(150), time, cancellationToken);
        }
        finally
        {
            driver.Release(role);
        }
    }
}
