using System.Globalization;
using System.Text;

namespace TiepCongDan.Hub.Bridge;

/// <summary>
/// The bridge's part of /metrics (Prometheus text 0.0.4): per session and receiver (point, or the
/// kiosk for the return path) the state, bytes, kbps, RTT, loss, retransmits, drops and the time
/// data waits in the hub; per session the CPU its composer used.
/// </summary>
public static class BridgePrometheus
{
    private static readonly (string Name, string Type, string Help, Func<OutputStatus, double> Value)[] Series =
    [
        ("tcd_hub_bridge_connected", "gauge", "1 while the receiver is connected.", s => s.State == OutputState.Connected ? 1 : 0),
        ("tcd_hub_bridge_refused", "gauge", "1 while the point refuses the hub.", s => s.State == OutputState.Refused ? 1 : 0),
        ("tcd_hub_bridge_sent_bytes_total", "counter", "Bytes sent to the receiver.", s => s.BytesSent),
        ("tcd_hub_bridge_send_kbps", "gauge", "Send rate over the last second, kbit/s.", s => s.Kbps),
        ("tcd_hub_bridge_rtt_ms", "gauge", "SRT round-trip time to the receiver, ms.", s => s.RttMs),
        ("tcd_hub_bridge_loss_percent", "gauge", "Packets the receiver reported lost over the last second, percent.", s => s.LossPercent),
        ("tcd_hub_bridge_retransmits_total", "counter", "SRT packets retransmitted to the receiver.", s => s.Retransmits),
        ("tcd_hub_bridge_dropped_total", "counter", "Messages dropped because the receiver was too slow (queue full).", s => s.Drops),
        ("tcd_hub_bridge_added_latency_ms", "gauge", "Mean time a message waited in the hub between ingest and send, last second, ms.", s => s.AddedLatencyMs),
        ("tcd_hub_bridge_connects_total", "counter", "Connections made to or by the receiver.", s => s.Connects),
    ];

    public static string Render(BridgeService bridge)
    {
        ArgumentNullException.ThrowIfNull(bridge);
        var sb = new StringBuilder(2048);
        Append(sb, bridge);
        return sb.ToString();
    }

    /// <summary>Appends the bridge's series to a /metrics body being written.</summary>
    public static void Append(StringBuilder sb, BridgeService bridge)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(bridge);
        var bridges = bridge.Bridges.OrderBy(b => b.SessionId, StringComparer.Ordinal).ToArray();
        var outputs = bridges.SelectMany(b => b.Outputs.Concat(b.Return.KioskOutputs)).ToArray();
        foreach (var (name, type, help, value) in Series)
        {
            Header(sb, name, type, help);
            foreach (var s in outputs)
            {
                sb.Append(name).Append("{session=\"").Append(Escape(s.SessionId)).Append("\",receiver=\"").Append(Escape(s.Receiver))
                    .Append("\",kind=\"").Append(s.Kind.ToString().ToLowerInvariant()).Append("\"} ").Append(Num(value(s))).Append('\n');
            }
        }

        Header(sb, "tcd_hub_bridge_compose_cpu_seconds_total", "counter", "CPU the composing ffmpeg of a session used (several officials, one picture).");
        foreach (var b in bridges)
        {
            sb.Append("tcd_hub_bridge_compose_cpu_seconds_total{session=\"").Append(Escape(b.SessionId)).Append("\"} ")
                .Append(Num(b.Return.ComposeCpuTime.TotalSeconds)).Append('\n');
        }

        Header(sb, "tcd_hub_bridge_officials", "gauge", "Officials publishing into a session.");
        foreach (var b in bridges)
        {
            sb.Append("tcd_hub_bridge_officials{session=\"").Append(Escape(b.SessionId)).Append("\"} ").Append(b.Return.Publishers.Count).Append('\n');
        }

        var (bounds, cumulative, sum, count) = bridge.AddedLatency.Snapshot();
        var latency = bridge.AddedLatency.Name;
        Header(sb, latency, "histogram", bridge.AddedLatency.Help);
        for (var i = 0; i < bounds.Length; i++)
        {
            sb.Append(latency).Append("_bucket{le=\"").Append(Num(bounds[i])).Append("\"} ").Append(cumulative[i]).Append('\n');
        }

        sb.Append(latency).Append("_bucket{le=\"+Inf\"} ").Append(count).Append('\n');
        sb.Append(latency).Append("_sum ").Append(Num(sum)).Append('\n');
        sb.Append(latency).Append("_count ").Append(count).Append('\n');

        var refusals = bridge.Refusals;
        Header(sb, refusals.Name, "counter", refusals.Help);
        foreach (var (code, refused) in refusals.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append(refusals.Name).Append("{code=\"").Append(Escape(code)).Append("\"} ").Append(refused).Append('\n');
        }
    }

    private static void Header(StringBuilder sb, string name, string type, string help) =>
        sb.Append("# HELP ").Append(name).Append(' ').Append(help).Append("\n# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string label) => label.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
