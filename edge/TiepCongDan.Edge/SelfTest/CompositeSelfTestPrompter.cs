namespace TiepCongDan.Edge.SelfTest;

/// <summary>Shows every prompt on each of several places (console, kiosk screen, a test's driver).</summary>
public sealed class CompositeSelfTestPrompter(IReadOnlyList<ISelfTestPrompter> prompters) : ISelfTestPrompter
{
    public void Prompt(SelfTestPrompt prompt)
    {
        foreach (var p in prompters)
        {
            p.Prompt(prompt);
        }
    }

    public void Finished(Contracts.SelfTest.SelfTestReport report)
    {
        foreach (var p in prompters)
        {
            p.Finished(report);
        }
    }
}
