namespace TiepCongDan.Edge.SelfTest;

/// <summary>Shows prompts and the finished report to the technician: the console, the kiosk screen.</summary>
public interface ISelfTestPrompter
{
    void Prompt(SelfTestPrompt prompt);

    void Finished(Contracts.SelfTest.SelfTestReport report);
}
