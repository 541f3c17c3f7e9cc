namespace TiepCongDan.Hub.Metrics;

/// <summary>
/// Every counter the hub exposes on /metrics. One instance per hub (not static), so several hubs in
/// one test process do not mix their numbers. Thread-safe.
/// </summary>
public sealed class HubMetrics
{
    public LabeledCounter Messages { get; } = new("tcd_hub_messages_total", "Sparkplug messages received by type.", "type");

    public LabeledCounter Dropped { get; } = new("tcd_hub_dropped_total", "Messages dropped by the primary host, by reason.", "reason");

    public LabeledCounter RebirthRequests { get; } = new("tcd_hub_rebirth_requests_total", "NCMD Rebirth requests sent, by reason.", "reason");

    public LabeledCounter StaleDeaths { get; } = new("tcd_hub_stale_deaths_total", "NDEATH messages ignored because their bdSeq did not match the current birth.");

    public LabeledCounter RefusedPublishes { get; } = new("tcd_hub_refused_publishes_total", "Publishes refused by the embedded broker, by reason.", "reason");

    public LabeledCounter RefusedSubscriptions { get; } = new("tcd_hub_refused_subscriptions_total", "Subscriptions refused by the embedded broker.");

    public LabeledCounter RefusedConnections { get; } = new("tcd_hub_refused_connections_total", "Connections refused by the embedded broker, by reason.", "reason");

    public LabeledCounter Commands { get; } = new("tcd_hub_commands_total", "Operator commands sent to kiosks, by command.", "command");

    public Histogram IngestLatency { get; } = new(
        "tcd_hub_ingest_latency_seconds",
        "Time from a kiosk's NDATA timestamp to the hub's registry update.",
        [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]);
}
