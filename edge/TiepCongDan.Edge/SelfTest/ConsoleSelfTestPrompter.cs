namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// Prompts on a text writer (standard error: standard output stays the report, or only the JSON
/// with --json). The report itself is printed by the command.
/// </summary>
public sealed class ConsoleSelfTestPrompter(TextWriter output, bool english) : ISelfTestPrompter
{
    public void Prompt(SelfTestPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        output.WriteLine((prompt.Button is null ? "… " : ">>> ") + (english ? prompt.English : prompt.Vietnamese));
        output.Flush();
    }

    public void Finished(Contracts.SelfTest.SelfTestReport report)
    {
    }
}
