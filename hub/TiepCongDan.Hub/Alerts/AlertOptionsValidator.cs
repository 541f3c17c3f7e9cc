using Microsoft.Extensions.Options;
using TiepCongDan.Contracts.Fleet;

namespace TiepCongDan.Hub.Alerts;

/// <summary>One sentence per wrong "Hub:Alerts" key, checked at start.</summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IReadOnlyList<string> Check(AlertOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var errors = new List<string>();
        const string key = AlertOptions.SectionName;
        if (o.EvaluationIntervalSeconds is < 1 or > 3600)
        {
            errors.Add($"{key}:EvaluationIntervalSeconds is {o.EvaluationIntervalSeconds}: use 1 to 3600.");
        }

        if (o.HistoryRetentionDays is < 1 or > 3650)
        {
            errors.Add($"{key}:HistoryRetentionDays is {o.HistoryRetentionDays}: use 1 to 3650 days.");
        }

        foreach (var (rule, settings) in o.Rules)
        {
            CheckRule($"{key}:Rules:{rule}", rule, settings, errors);
        }

        foreach (var (province, rules) in o.Provinces)
        {
            if (!KioskId.IsValidProvince(province))
            {
                errors.Add($"{key}:Provinces:{province} is not a 2-digit province code like 14.");
            }

            foreach (var (rule, settings) in rules)
            {
                CheckRule($"{key}:Provinces:{province}:{rule}", rule, settings, errors);
            }
        }

        for (var i = 0; i < o.Webhooks.Count; i++)
        {
            var hook = o.Webhooks[i];
            if (!Uri.TryCreate(hook.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"{key}:Webhooks:{i}:Url '{hook.Url}' must be an absolute http:// or https:// URL.");
            }

            foreach (var province in hook.Provinces.Where(p => !KioskId.IsValidProvince(p)))
            {
                errors.Add($"{key}:Webhooks:{i}:Provinces contains '{province}', which is not a 2-digit province code.");
            }
        }

        if (o.WebhookMaxAttempts is < 1 or > 1000)
        {
            errors.Add($"{key}:WebhookMaxAttempts is {o.WebhookMaxAttempts}: use 1 to 1000.");
        }

        if (o.WebhookInitialDelayMs < 10 || o.WebhookMaxDelayMs < o.WebhookInitialDelayMs || o.WebhookMaxDelayMs > 86_400_000)
        {
            errors.Add($"{key}:WebhookInitialDelayMs/WebhookMaxDelayMs are {o.WebhookInitialDelayMs}/{o.WebhookMaxDelayMs}: use at least 10 ms, max not below initial, at most one day.");
        }

        if (o.WebhookTimeoutSeconds is < 1 or > 300)
        {
            errors.Add($"{key}:WebhookTimeoutSeconds is {o.WebhookTimeoutSeconds}: use 1 to 300.");
        }

        return errors;
    }

    private static void CheckRule(string path, string rule, AlertRuleOptions? s, List<string> errors)
    {
        if (!AlertRuleIds.IsKnown(rule))
        {
            errors.Add($"{path}: unknown rule; use one of {string.Join(", ", AlertRuleIds.All)}.");
            return;
        }

        if (s is null)
        {
            return;
        }

        if (s.ForSeconds is < 0 or > 86400)
        {
            errors.Add($"{path}:ForSeconds is {s.ForSeconds}: use 0 to 86400.");
        }

        if (s.ClearSeconds is < 0 or > 86400)
        {
            errors.Add($"{path}:ClearSeconds is {s.ClearSeconds}: use 0 to 86400.");
        }

        if (s.Severity is not null && !AlertSeverity.IsValid(s.Severity))
        {
            errors.Add($"{path}:Severity '{s.Severity}' must be warning or critical.");
        }

        if (s.Threshold is { } t)
        {
            var (min, max) = rule switch
            {
                AlertRuleIds.CpuTemperature => (30.0, 120.0),
                AlertRuleIds.DiskLow or AlertRuleIds.SrtLoss => (0.0, 100.0),
                AlertRuleIds.UploadBacklog => (1.0, 1_000_000.0),
                _ => (double.MinValue, double.MaxValue),
            };
            if (!double.IsFinite(t) || t < min || t > max)
            {
                errors.Add($"{path}:Threshold is {t}: use {min} to {max}.");
            }
        }

        if (s.MaxBytes is < 1)
        {
            errors.Add($"{path}:MaxBytes is {s.MaxBytes}: use a positive number of bytes.");
        }

        if (s.RisingMinutes is < 1 or > 10080)
        {
            errors.Add($"{path}:RisingMinutes is {s.RisingMinutes}: use 1 to 10080 (a week).");
        }
    }
}
