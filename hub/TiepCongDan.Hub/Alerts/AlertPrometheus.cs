using System.Globalization;
using System.Text;

namespace TiepCongDan.Hub.Alerts;

/// <summary>The alerts' part of /metrics: active alerts per rule and province, condition flips, the webhook outbox.</summary>
public static class AlertPrometheus
{
    /// <summary>Appends the series when alerts are registered in <paramref name="services"/>; nothing otherwise.</summary>
    public static void Append(StringBuilder sb, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService(typeof(AlertEngine)) is AlertEngine engine && services.GetService(typeof(AlertStore)) is AlertStore store)
        {
            Append(sb, engine, store);
        }
    }

    public static void Append(StringBuilder sb, AlertEngine engine, AlertStore store)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        sb.Append("# HELP tcd_hub_alerts_open Active alerts (open or acknowledged, not yet cleared), by rule and province.\n");
        sb.Append("# TYPE tcd_hub_alerts_open gauge\n");
        foreach (var ((rule, province), count) in engine.ActiveCounts().OrderBy(kv => kv.Key.Rule, StringComparer.Ordinal).ThenBy(kv => kv.Key.Province, StringComparer.Ordinal))
        {
            sb.Append("tcd_hub_alerts_open{rule=\"").Append(rule).Append("\",province=\"").Append(province).Append("\"} ")
                .Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        sb.Append("# HELP tcd_hub_alert_flaps_total Times an alert condition flipped between holding and clear, by rule.\n");
        sb.Append("# TYPE tcd_hub_alert_flaps_total counter\n");
        foreach (var (rule, count) in engine.FlapsByRule.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append("tcd_hub_alert_flaps_total{rule=\"").Append(rule).Append("\"} ").Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        sb.Append("# HELP tcd_hub_alert_webhook_pending Alert notifications waiting for their webhook.\n");
        sb.Append("# TYPE tcd_hub_alert_webhook_pending gauge\n");
        sb.Append("tcd_hub_alert_webhook_pending ").Append(store.PendingNotifications().ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("# HELP tcd_hub_alert_webhook_failed Alert notifications given up after every attempt.\n");
        sb.Append("# TYPE tcd_hub_alert_webhook_failed gauge\n");
        sb.Append("tcd_hub_alert_webhook_failed ").Append(store.FailedNotifications().ToString(CultureInfo.InvariantCulture)).Append('\n');
    }
}
