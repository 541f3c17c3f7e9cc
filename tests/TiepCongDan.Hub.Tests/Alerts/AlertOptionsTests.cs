using TiepCongDan.Hub.Alerts;

namespace TiepCongDan.Hub.Tests.Alerts;

/// <summary>Hub:Alerts is checked at start, one sentence per wrong key.</summary>
public sealed class AlertOptionsTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.Empty(AlertOptionsValidator.Check(new AlertOptions()));
    }

    [Fact]
    public void Wrong_keys_are_named()
    {
        var errors = AlertOptionsValidator.Check(new AlertOptions
        {
            EvaluationIntervalSeconds = 0,
            Rules =
            {
                ["cpu-temprature"] = new AlertRuleOptions { Threshold = 70 },
                [AlertRuleIds.SrtLoss] = new AlertRuleOptions { Threshold = 150, Severity = "urgent", ForSeconds = -1 },
            },
            Provinces = { ["1"] = new Dictionary<string, AlertRuleOptions> { [AlertRuleIds.Offline] = new() { ClearSeconds = 100_000 } } },
            Webhooks = [new AlertWebhookOptions { Url = "ftp://example/hook", Provinces = ["x"] }],
            WebhookInitialDelayMs = 5000,
            WebhookMaxDelayMs = 1000,
        });

        Assert.Contains(errors, e => e.StartsWith("Hub:Alerts:EvaluationIntervalSeconds", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Hub:Alerts:Rules:cpu-temprature: unknown rule", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Hub:Alerts:Rules:srt-loss:Threshold", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Hub:Alerts:Rules:srt-loss:Severity", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Hub:Alerts:Rules:srt-loss:ForSeconds", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Hub:Alerts:Provinces:1 is not", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Hub:Alerts:Provinces:1:offline:ClearSeconds", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Hub:Alerts:Webhooks:0:Url", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Hub:Alerts:Webhooks:0:Provinces", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Hub:Alerts:WebhookInitialDelayMs", StringComparison.Ordinal));
        Assert.Equal(10, errors.Count);
    }

    [Fact]
    public void A_province_value_wins_over_the_fleet_value_which_wins_over_the_default()
    {
        var options = new AlertOptions
        {
            Rules = { [AlertRuleIds.DiskLow] = new AlertRuleOptions { Threshold = 15, Severity = AlertSeverity.Critical } },
            Provinces = { ["01"] = new Dictionary<string, AlertRuleOptions> { [AlertRuleIds.DiskLow] = new() { Threshold = 5 } } },
        };
        var hanoi = AlertRuleDefaults.Resolve(options, "01", AlertRuleIds.DiskLow);
        var other = AlertRuleDefaults.Resolve(options, "14", AlertRuleIds.DiskLow);
        Assert.Equal((5.0, AlertSeverity.Critical), (hanoi.Threshold, hanoi.Severity));
        Assert.Equal((15.0, AlertSeverity.Critical), (other.Threshold, other.Severity));
        Assert.Equal(AlertRuleDefaults.Default(AlertRuleIds.DiskLow).ForSeconds, other.ForSeconds);
    }
}
