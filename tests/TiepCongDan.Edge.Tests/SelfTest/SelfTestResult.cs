using TiepCongDan.Contracts.SelfTest;

namespace TiepCongDan.Edge.Tests.SelfTest;

internal sealed record SelfTestResult(int ExitCode, SelfTestReport? Report, string Output, string Error)
{
    public SelfTestCheckResult Check(string id) =>
        (Report ?? throw new InvalidOperationException("No JSON report. stdout: " + Output + " stderr: " + Error)).Checks.Single(c => c.Id == id);

    public string Describe() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
