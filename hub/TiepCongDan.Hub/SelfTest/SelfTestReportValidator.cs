using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.SelfTest;

namespace TiepCongDan.Hub.SelfTest;

/// <summary>Checks a kiosk's report before it is stored: its own id, known statuses, bounded sizes. Null when fine, else the reason.</summary>
public static class SelfTestReportValidator
{
    public const int MaxChecks = 32;
    public const int MaxText = 2000;
    public const int MaxMeasurements = 40;

    public static string? Problem(SelfTestReport? report, string kioskId)
    {
        if (report?.Checks is null)
        {
            return "The body must be a JSON SelfTestReport with camelCase fields and a 'checks' list.";
        }

        if (!KioskId.IsValid(report.KioskId) || report.KioskId != kioskId)
        {
            return $"The report names kiosk '{report.KioskId}', not the authenticated kiosk {kioskId}.";
        }

        if (report.Checks.Count is 0 or > MaxChecks)
        {
            return $"A report holds 1 to {MaxChecks} checks, not {report.Checks.Count}.";
        }

        if (report.Passed != report.Checks.All(c => c.Status != SelfTestStatus.Fail))
        {
            return "'passed' must be true exactly when no check has status 'fail'.";
        }

        foreach (var check in report.Checks)
        {
            if (string.IsNullOrWhiteSpace(check.Id) || check.Id.Length > 64 || !SelfTestStatus.IsKnown(check.Status))
            {
                return $"Check '{check.Id}' needs an id of at most 64 characters and a status of pass, warn, fail or skip.";
            }

            var texts = new[] { check.Name, check.NameEn, check.Summary, check.SummaryEn, check.Advice, check.AdviceEn };
            if (texts.Any(t => t is null || t.Length > MaxText) || check.Measurements is null || check.Measurements.Count > MaxMeasurements
                || check.Measurements.Any(m => m.Key.Length > 64 || m.Value is null || m.Value.Length > 500))
            {
                return $"Check '{check.Id}': texts of at most {MaxText} characters and at most {MaxMeasurements} short measurements.";
            }
        }

        return null;
    }
}
