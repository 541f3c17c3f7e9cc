using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Alerts;

namespace TiepCongDan.Hub.Tests.Alerts;

/// <summary>Every rule opens on its simulated condition after ForSeconds, is acknowledged with a comment, and closes by itself after ClearSeconds.</summary>
public sealed class AlertRuleTests
{
    private static AlertOptions WithWebhook() => new()
    {
        // Nobody listens here: the notifications stay in the outbox, which is what this test counts.
        Webhooks = [new AlertWebhookOptions { Url = "http://127.0.0.1:9/alerts" }],
    };

    [Theory]
    [MemberData(nameof(AlertScenario.Names), MemberType = typeof(AlertScenario))]
    public void Rule_opens_is_acknowledged_and_clears(string name)
    {
        var scenario = AlertScenario.Named(name);
        using var h = new AlertHarness(WithWebhook());
        h.Healthy();
        h.Run(120);
        Assert.Empty(h.All());

        var settings = h.Engine.Settings("14", scenario.Rule);
        h.Change(AlertHarness.Kiosk, scenario.Break);
        h.Run(settings.ForSeconds);
        Assert.Empty(h.Active());
        h.Run(1);

        var alert = Assert.Single(h.Active());
        Assert.Equal(scenario.Rule, alert.Rule);
        Assert.Equal(scenario.Subject, alert.Subject);
        Assert.Equal(AlertHarness.Kiosk, alert.KioskId);
        Assert.Equal("14", alert.Province);
        Assert.Equal(settings.Severity, alert.Severity);
        Assert.Equal(AlertState.Open, alert.State);
        Assert.StartsWith("Ki-ốt 14-04171", alert.MessageVi, StringComparison.Ordinal);
        Assert.StartsWith("Kiosk 14-04171", alert.MessageEn, StringComparison.Ordinal);
        Assert.Equal(1, h.Store.PendingNotifications());

        var (outcome, acked) = h.Engine.Acknowledge(alert.Id, "operator1", "Đã báo cán bộ xã kiểm tra", allowedProvinces: null);
        Assert.Equal(AckOutcome.Acknowledged, outcome);
        Assert.Equal(AlertState.Acknowledged, acked!.State);
        Assert.Equal(AckOutcome.AlreadyAcknowledged, h.Engine.Acknowledge(alert.Id, "operator2", "lần nữa", null).Outcome);

        // Acknowledged is still active while the condition holds: no second alert, no close.
        h.Run(90);
        Assert.Equal(alert.Id, Assert.Single(h.Active()).Id);

        h.Change(AlertHarness.Kiosk, scenario.Mend);
        h.Run(settings.ClearSeconds);
        Assert.Single(h.Active());
        h.Run(1);

        Assert.Empty(h.Active());
        var closed = Assert.Single(h.All());
        Assert.Equal(AlertState.Closed, closed.State);
        Assert.Equal("operator1", closed.AcknowledgedBy);
        Assert.Equal("Đã báo cán bộ xã kiểm tra", closed.AcknowledgeComment);
        Assert.NotNull(closed.ClosedAtMs);
        Assert.True(closed.ClosedAtMs > closed.AcknowledgedAtMs);
        Assert.Equal(AckOutcome.Closed, h.Engine.Acknowledge(alert.Id, "operator2", "muộn", null).Outcome);
        // opened, acknowledged, closed.
        Assert.Equal(3, h.Store.PendingNotifications());
    }

    [Fact]
    public void Self_test_failure_opens_and_a_pass_closes_it()
    {
        var failed = new Dictionary<string, bool?> { [AlertHarness.Kiosk] = null };
        using var h = new AlertHarness(selfTestFailed: id => failed.GetValueOrDefault(id));
        h.Healthy();
        h.Run(5);
        Assert.Empty(h.All());

        failed[AlertHarness.Kiosk] = true;
        h.Run(1);
        var alert = Assert.Single(h.Active());
        Assert.Equal(AlertRuleIds.SelfTestFailed, alert.Rule);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal(AckOutcome.Acknowledged, h.Engine.Acknowledge(alert.Id, "admin", "Chạy lại tự kiểm tra", null).Outcome);

        failed[AlertHarness.Kiosk] = false;
        h.Run(1);
        Assert.Equal(AlertState.Closed, Assert.Single(h.All()).State);
    }

    [Fact]
    public void Backlog_growing_for_rising_minutes_opens_below_the_thresholds()
    {
        using var h = new AlertHarness(new AlertOptions
        {
            Rules = { [AlertRuleIds.UploadBacklog] = new AlertRuleOptions { RisingMinutes = 30, ForSeconds = 0 } },
        });
        h.Healthy();
        for (var minute = 1; minute <= 29; minute++)
        {
            h.Change(AlertHarness.Kiosk, r =>
            {
                r.Metrics[MediaMetrics.PendingSegments] = (ulong)minute;
                r.Metrics[MediaMetrics.PendingBytes] = (ulong)minute * 5_000_000UL;
            });
            h.Run(60);
        }

        Assert.Empty(h.All());
        h.Change(AlertHarness.Kiosk, r => r.Metrics[MediaMetrics.PendingBytes] = 30 * 5_000_000UL);
        h.Run(61);
        var alert = Assert.Single(h.Active());
        Assert.Equal(AlertRuleIds.UploadBacklog, alert.Rule);

        // The uploads catch up: the backlog shrinks, the trend starts again, the alert clears.
        h.Change(AlertHarness.Kiosk, r =>
        {
            r.Metrics[MediaMetrics.PendingSegments] = 1UL;
            r.Metrics[MediaMetrics.PendingBytes] = 5_000_000UL;
        });
        h.Run(h.Engine.Settings("14", AlertRuleIds.UploadBacklog).ClearSeconds + 1);
        Assert.Empty(h.Active());
    }

    [Fact]
    public void Silent_microphone_and_loss_outside_a_session_do_not_alert()
    {
        using var h = new AlertHarness();
        h.Healthy();
        h.Change(AlertHarness.Kiosk, r =>
        {
            r.Metrics["microphone/" + MediaMetrics.Silent] = true;
            r.Metrics[MediaMetrics.UplinkLossPercent] = 40.0;
        });
        h.Run(600);
        Assert.Empty(h.All());
    }

    [Fact]
    public void Stale_values_of_an_offline_kiosk_open_only_the_offline_alert()
    {
        using var h = new AlertHarness();
        h.Healthy();
        h.Change(AlertHarness.Kiosk, r =>
        {
            r.Online = false;
            r.Metrics[NodeMetrics.CpuTemperature] = 95.0;
            r.Metrics[NodeMetrics.ClockSynced] = false;
        });
        h.Run(900);
        var alert = Assert.Single(h.All());
        Assert.Equal(AlertRuleIds.Offline, alert.Rule);
    }

    [Fact]
    public void A_province_override_wins_over_the_fleet_setting_and_a_disabled_rule_stays_quiet()
    {
        using var h = new AlertHarness(new AlertOptions
        {
            Rules = { [AlertRuleIds.CpuTemperature] = new AlertRuleOptions { Threshold = 70, ForSeconds = 30 } },
            Provinces =
            {
                ["79"] = new Dictionary<string, AlertRuleOptions>
                {
                    [AlertRuleIds.CpuTemperature] = new() { Threshold = 90 },
                    [AlertRuleIds.ClockUnsynced] = new() { Enabled = false },
                },
            },
        });
        h.Healthy("14-04171");
        h.Healthy("79-26734");
        foreach (var id in new[] { "14-04171", "79-26734" })
        {
            h.Change(id, r =>
            {
                r.Metrics[NodeMetrics.CpuTemperature] = 80.0;
                r.Metrics[NodeMetrics.ClockSynced] = false;
            });
        }

        h.Run(400);
        var alerts = h.Active().Select(a => (a.KioskId, a.Rule)).OrderBy(a => a.KioskId).ThenBy(a => a.Rule).ToList();
        Assert.Equal([("14-04171", AlertRuleIds.ClockUnsynced), ("14-04171", AlertRuleIds.CpuTemperature)], alerts);
        Assert.Equal(30, h.Engine.Settings("79", AlertRuleIds.CpuTemperature).ForSeconds);
        Assert.Equal(90, h.Engine.Settings("79", AlertRuleIds.CpuTemperature).Threshold);
    }

    [Fact]
    public void Province_scope_hides_other_provinces_from_lists_and_acknowledgement()
    {
        using var h = new AlertHarness();
        h.Healthy("14-04171");
        h.Healthy("79-26734");
        h.Change("14-04171", r => r.Online = false);
        h.Change("79-26734", r => r.Online = false);
        h.Run(301);
        Assert.Equal(2, h.Active().Count);

        var only14 = new HashSet<string>(StringComparer.Ordinal) { "14" };
        var seen = h.Store.Query(new AlertQuery(AllowedProvinces: only14));
        Assert.Equal("14-04171", Assert.Single(seen).KioskId);
        Assert.Empty(h.Store.Query(new AlertQuery(AllowedProvinces: only14, Province: "79")));
        var other = h.Active().Single(a => a.Province == "79");
        Assert.Equal(AckOutcome.NotFound, h.Engine.Acknowledge(other.Id, "op14", "không phải tỉnh mình", only14).Outcome);
        Assert.Equal(AlertState.Open, h.Store.Get(other.Id)!.State);
    }

    [Fact]
    public void Active_alerts_survive_a_restart_and_close_afterwards()
    {
        var options = WithWebhook();
        long id;
        string directory;
        using (var first = new AlertHarness(options))
        {
            first.Healthy();
            first.Change(AlertHarness.Kiosk, r => r.Metrics[NodeMetrics.ClockSynced] = false);
            first.Run(400);
            id = Assert.Single(first.Active()).Id;
            directory = first.DataDirectory;
            var copy = Path.Combine(Path.GetTempPath(), "tcd-alerts-restart-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(copy);
            first.Store.Dispose();
            foreach (var file in Directory.GetFiles(directory))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }

            directory = copy;
        }

        try
        {
            using var second = new AlertHarness(options, directory: directory);
            Assert.Equal(1, second.Store.PendingNotifications());
            second.Healthy();
            second.Run(second.Engine.Settings("14", AlertRuleIds.ClockUnsynced).ClearSeconds + 1);
            var closed = Assert.Single(second.All());
            Assert.Equal(id, closed.Id);
            Assert.Equal(AlertState.Closed, closed.State);
            Assert.Equal(2, second.Store.PendingNotifications());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
