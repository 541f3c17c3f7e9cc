using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Screen;

namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// Shows the self-test on the kiosk page through the existing page fields (no page change needed):
/// each prompt as the instruction, and at the end the verdict as the instruction with the failed
/// parts and what to do as the error text (the page's Error view when something failed).
/// </summary>
public sealed class ScreenSelfTestPrompter(KioskScreenServer screen, bool english, ILogger logger) : ISelfTestPrompter
{
    public void Prompt(SelfTestPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        Show(new KioskScreenState
        {
            State = ReceptionState.Idle,
            Instruction = (english ? "Self-test: " : "Tự kiểm tra: ") + (english ? prompt.English : prompt.Vietnamese),
            Language = english ? KioskScreenLanguages.English : KioskScreenLanguages.Vietnamese,
        });
    }

    public void Finished(SelfTestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var failed = report.Checks.Where(c => c.Status == SelfTestStatus.Fail).ToList();
        var passed = report.Checks.Count(c => c.Status == SelfTestStatus.Pass);
        Show(new KioskScreenState
        {
            State = report.Passed ? ReceptionState.Idle : ReceptionState.Error,
            Instruction = report.Passed
                ? english ? $"Self-test passed ({passed}/{report.Checks.Count})." : $"Tự kiểm tra: ĐẠT ({passed}/{report.Checks.Count} hạng mục)."
                : english ? $"Self-test FAILED: {string.Join(", ", failed.Select(c => c.NameEn))}." : $"Tự kiểm tra: KHÔNG ĐẠT — {string.Join(", ", failed.Select(c => c.Name))}.",
            ErrorMessage = failed.Count == 0 ? null
                : string.Join(" ", failed.Select(c => $"{(english ? c.NameEn : c.Name)}: {(english ? c.AdviceEn : c.Advice)}")),
            Language = english ? KioskScreenLanguages.English : KioskScreenLanguages.Vietnamese,
        });
    }

    private void Show(KioskScreenState state)
    {
        try
        {
            screen.Show(state);
        }
        catch (ArgumentException ex)
        {
            SelfTestLog.ScreenFailed(logger, ex.Message);
        }
    }
}
