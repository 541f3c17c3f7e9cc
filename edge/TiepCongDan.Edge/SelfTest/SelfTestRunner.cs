using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.SelfTest;

namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// Runs the checks one after another (camera, microphone and test stream each start their own
/// ffmpeg; one at a time keeps them from competing for the device and the CPU), each on its own:
/// a check that throws or overruns its <see cref="ISelfTestCheck.Timeout"/> fails with its part's
/// advice and the next one runs. Builds the <see cref="SelfTestReport"/>.
/// </summary>
public sealed class SelfTestRunner(
    IReadOnlyList<ISelfTestCheck> checks,
    ISelfTestPrompter prompter,
    TimeProvider time,
    string kioskId,
    string version,
    ILogger logger)
{
    public async Task<SelfTestReport> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var results = new List<SelfTestCheckResult>();
        foreach (var check in checks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            prompter.Prompt(new SelfTestPrompt(check.Id,
                "Đang kiểm tra: " + SelfTestCheckIds.Vietnamese(check.Id) + "…",
                "Checking: " + SelfTestCheckIds.English(check.Id) + "…"));
            var begin = time.GetTimestamp();
            var outcome = await RunOneAsync(check, cancellationToken);
            var elapsed = (long)time.GetElapsedTime(begin).TotalMilliseconds;
            SelfTestLog.CheckFinished(logger, check.Id, outcome.Status, elapsed, outcome.SummaryEn);
            results.Add(new SelfTestCheckResult(check.Id, SelfTestCheckIds.Vietnamese(check.Id), SelfTestCheckIds.English(check.Id),
                outcome.Status, outcome.Summary, outcome.SummaryEn, outcome.Advice, outcome.AdviceEn,
                new Dictionary<string, string>(outcome.Measurements, StringComparer.Ordinal), elapsed));
        }

        var report = new SelfTestReport(kioskId, version, started, time.GetUtcNow(),
            results.All(r => r.Status != SelfTestStatus.Fail), results);
        SelfTestLog.Finished(logger, kioskId, report.Passed ? "passed" : "FAILED", string.Join(",", report.FailedIds()));
        prompter.Finished(report);
        return report;
    }

    private async Task<SelfTestOutcome> RunOneAsync(ISelfTestCheck check, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(check.Timeout);
        var (adviceVi, adviceEn) = check.Advice;
        try
        {
            // WaitAsync: a check that does not honour its token still cannot hold the self-test.
            return await check.RunAsync(limit.Token).WaitAsync(check.Timeout + TimeSpan.FromSeconds(5), time, cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            SelfTestLog.CheckTimedOut(logger, check.Id, check.Timeout.TotalSeconds);
            var seconds = Math.Round(check.Timeout.TotalSeconds);
            return SelfTestOutcome.Fail($"Không xong trong {seconds} giây.", $"Did not finish within {seconds} s.", adviceVi, adviceEn)
                .With("timeoutSeconds", seconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SelfTestLog.CheckThrew(logger, check.Id, ex);
            Debug.Assert(ex.Message.Length > 0, "exceptions carry a message");
            return SelfTestOutcome.Fail("Lỗi khi kiểm tra: " + ex.Message, "Error while checking: " + ex.Message, adviceVi, adviceEn);
        }
    }
}
