using System.Globalization;
using System.Text;
using TiepCongDan.Hub.Metrics;

namespace TiepCongDan.Hub.Ingest;

/// <summary>
/// The SRT ingest's Prometheus series: counters on the hub's <see cref="LabeledCounter"/>, plus per-session
/// link gauges read from the bus at render time. One instance per hub. Thread-safe.
/// </summary>
public sealed class IngestMetrics
{
    private readonly ILiveSessionBus _bus;

    private long _bytesReceived;
    private long _badPackets;

    public IngestMetrics(ILiveSessionBus bus) => _bus = bus;

    public LabeledCounter Connections { get; } = new("tcd_hub_srt_connections_total", "SRT connections accepted from kiosks (reconnects included).");

    public LabeledCounter Refusals { get; } = new("tcd_hub_srt_refusals_total", "SRT callers refused, by reason.", "reason");

    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    public long BadPackets => Interlocked.Read(ref _badPackets);

    public LabeledCounter GarbageCloses { get; } = new("tcd_hub_srt_garbage_closes_total", "SRT connections closed because they sent only malformed TS.");

    public LabeledCounter LiveSegmentsConfirmed { get; } = new("tcd_hub_live_segments_confirmed_total", "Segments the hub received whole live and confirmed without upload.");

    public LabeledCounter LiveSegmentsDiscarded { get; } = new("tcd_hub_live_segments_discarded_total", "Live copies of segments not confirmed (the kiosk uploads them), by reason.", "reason");

    public void AddBytesReceived(long bytes) => Interlocked.Add(ref _bytesReceived, bytes);

    public void AddBadPackets(long packets) => Interlocked.Add(ref _badPackets, packets);

    /// <summary>Appends the ingest's series in the text exposition format (the /metrics endpoint calls it after the hub's own).</summary>
    public void AppendPrometheus(StringBuilder sb)
    {
        ArgumentNullException.ThrowIfNull(sb);
        var sessions = _bus.Sessions;
        sb.Append("# HELP tcd_hub_srt_sessions_live Kiosk sessions streaming to the hub now.\n# TYPE tcd_hub_srt_sessions_live gauge\n");
        sb.Append("tcd_hub_srt_sessions_live ").Append(sessions.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        AppendTotal(sb, "tcd_hub_srt_bytes_received_total", "Bytes received from kiosks over SRT.", BytesReceived);
        AppendTotal(sb, "tcd_hub_srt_bad_packets_total", "Received TS packets dropped as malformed (no sync byte, truncated).", BadPackets);
        foreach (var counter in new[] { Connections, Refusals, GarbageCloses, LiveSegmentsConfirmed, LiveSegmentsDiscarded })
        {
            AppendCounter(sb, counter);
        }

        AppendSessionGauge(sb, sessions, "tcd_hub_srt_session_receive_kbps", "Receive rate per live session.", l => l.ReceiveKbps);
        AppendSessionGauge(sb, sessions, "tcd_hub_srt_session_rtt_ms", "SRT round-trip time per live session.", l => l.RttMs);
        AppendSessionGauge(sb, sessions, "tcd_hub_srt_session_loss_percent", "Packets lost before retransmission per live session, last second.", l => l.LossPercent);
        AppendSessionGauge(sb, sessions, "tcd_hub_srt_session_retransmitted_packets", "Packets the kiosk resent per live session, last second.", l => l.PacketsRetransmitted);
        AppendSessionGauge(sb, sessions, "tcd_hub_srt_session_dropped_packets", "Packets dropped as too late per live session, last second.", l => l.PacketsDropped);
        AppendSessionGauge(sb, sessions, "tcd_hub_srt_session_latency_ms", "Negotiated SRT latency per live session.", l => l.LatencyMs);
    }

    private static void AppendTotal(StringBuilder sb, string name, string help, long value)
    {
        sb.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        sb.Append("# TYPE ").Append(name).Append(" counter\n");
        sb.Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private static void AppendCounter(StringBuilder sb, LabeledCounter counter)
    {
        sb.Append("# HELP ").Append(counter.Name).Append(' ').Append(counter.Help).Append('\n');
        sb.Append("# TYPE ").Append(counter.Name).Append(" counter\n");
        var values = counter.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        if (values.Count == 0 && counter.LabelName is null)
        {
            sb.Append(counter.Name).Append(" 0\n");
        }

        foreach (var (label, value) in values)
        {
            sb.Append(counter.Name);
            if (counter.LabelName is not null)
            {
                sb.Append('{').Append(counter.LabelName).Append("=\"").Append(Escape(label)).Append("\"}");
            }

            sb.Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    private static void AppendSessionGauge(StringBuilder sb, IReadOnlyList<LiveSessionInfo> sessions, string name, string help, Func<LiveLinkStats, double> value)
    {
        sb.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        sb.Append("# TYPE ").Append(name).Append(" gauge\n");
        foreach (var session in sessions)
        {
            if (session.Link is { } link)
            {
                sb.Append(name).Append("{session=\"").Append(Escape(session.SessionId)).Append("\",kiosk=\"").Append(Escape(session.KioskId)).Append("\"} ")
                    .Append(value(link).ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            }
        }
    }

    private static string Escape(string label) => label.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
