using TiepCongDan.Hub.Alerts;

namespace TiepCongDan.Hub.Tests.Alerts;

/// <summary>A condition toggling every few seconds neither opens alert after alert nor closes an open one; its flips are counted.</summary>
public sealed class AlertFlapTests
{
    private const int ToggleSeconds = 5;
    private const int Toggles = 360; // 30 minutes

    [Theory]
    [MemberData(nameof(AlertScenario.Names), MemberType = typeof(AlertScenario))]
    public void A_condition_toggling_every_few_seconds_opens_nothing(string name)
    {
        var scenario = AlertScenario.Named(name);
        using var h = new AlertHarness();
        h.Healthy();
        Toggle(h, scenario);

        Assert.Empty(h.All());
        Assert.True(h.Engine.FlapsByRule.GetValueOrDefault(scenario.Rule) >= Toggles - 2,
            $"flips counted for {scenario}: {h.Engine.FlapsByRule.GetValueOrDefault(scenario.Rule)}");
    }

    [Theory]
    [MemberData(nameof(AlertScenario.Names), MemberType = typeof(AlertScenario))]
    public void An_open_alert_stays_one_alert_while_its_condition_toggles_and_closes_once_it_is_steady(string name)
    {
        var scenario = AlertScenario.Named(name);
        using var h = new AlertHarness();
        h.Healthy();
        var settings = h.Engine.Settings("14", scenario.Rule);
        h.Change(AlertHarness.Kiosk, scenario.Break);
        h.Run(settings.ForSeconds + 1);
        var alert = Assert.Single(h.Active());

        Toggle(h, scenario);
        var still = Assert.Single(h.All());
        Assert.Equal(alert.Id, still.Id);
        Assert.NotEqual(AlertState.Closed, still.State);
        Assert.True(still.Flaps >= Toggles - 2, $"flaps on the alert: {still.Flaps}");

        h.Change(AlertHarness.Kiosk, scenario.Mend);
        h.Run(settings.ClearSeconds + 1);
        var closed = Assert.Single(h.All());
        Assert.Equal(AlertState.Closed, closed.State);
    }

    [Fact]
    public void Every_default_rule_damps_a_five_second_toggle()
    {
        // The theories above rely on this: a hold shorter than ForSeconds never opens, a clear shorter than ClearSeconds never closes.
        foreach (var rule in AlertRuleIds.All.Where(r => r != AlertRuleIds.SelfTestFailed))
        {
            var d = AlertRuleDefaults.Default(rule);
            Assert.True(d.ForSeconds >= 2 * ToggleSeconds, $"{rule} ForSeconds {d.ForSeconds}");
            Assert.True(d.ClearSeconds >= 2 * ToggleSeconds, $"{rule} ClearSeconds {d.ClearSeconds}");
        }
    }

    private static void Toggle(AlertHarness h, AlertScenario scenario)
    {
        for (var i = 0; i < Toggles; i++)
        {
            h.Change(AlertHarness.Kiosk, i % 2 == 0 ? scenario.Mend : scenario.Break);
            h.Run(ToggleSeconds);
        }
    }
}
