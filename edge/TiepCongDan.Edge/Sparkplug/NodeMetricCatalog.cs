using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Edge.Health;

namespace TiepCongDan.Edge.Sparkplug;

/// <summary>
/// The node's metrics, their aliases and deadbands. Aliases are fixed numbers (not assigned at run
/// time) so a record stored offline before a restart still decodes against the next NBIRTH.
/// Births carry name + alias; NDATA/DDATA carry the alias only (Sparkplug 3.0 rule for aliased metrics).
/// </summary>
public static class NodeMetricCatalog
{
    public const ulong RebirthAlias = 1;
    public const ulong RebootAlias = 2;
    public const ulong RestartServiceAlias = 3;
    public const ulong PingAlias = 4;
    public const ulong StartSessionAlias = 5;
    public const ulong StopSessionAlias = 6;
    public const ulong LineTestAlias = 7;

    // The remote commands of decision 0030 (their command id travels as a String beside them).
    public const ulong RestartMediaAlias = 80;
    public const ulong SelfTestAlias = 81;
    public const ulong CollectLogsAlias = 82;
    public const ulong ScreenshotAlias = 83;
    public const ulong CameraStillAlias = 84;

    /// <summary>Node Control metrics: writable Booleans, always false in births.</summary>
    public static IReadOnlyList<(string Name, ulong Alias)> NodeControls { get; } =
    [
        (NodeMetrics.Rebirth, RebirthAlias),
        (NodeMetrics.Reboot, RebootAlias),
        (NodeMetrics.RestartService, RestartServiceAlias),
        (NodeMetrics.Ping, PingAlias),
        (MediaMetrics.StartSession, StartSessionAlias),
        (MediaMetrics.StopSession, StopSessionAlias),
        (MediaMetrics.LineTest, LineTestAlias),
        (NodeMetrics.RestartMedia, RestartMediaAlias),
        (NodeMetrics.SelfTest, SelfTestAlias),
        (NodeMetrics.CollectLogs, CollectLogsAlias),
        (NodeMetrics.Screenshot, ScreenshotAlias),
        (NodeMetrics.CameraStill, CameraStillAlias),
    ];

    /// <summary>The data metrics, in NBIRTH order.</summary>
    public static IReadOnlyList<MetricDefinition> Data { get; } =
    [
        new(NodeMetrics.ServiceVersion, 10, SparkplugDataType.String),
        new(NodeMetrics.Province, 11, SparkplugDataType.String),
        new(NodeMetrics.Commune, 12, SparkplugDataType.String),
        new(NodeMetrics.Board, 13, SparkplugDataType.String),
        new(NodeMetrics.CpuLoad, 20, SparkplugDataType.Double, Deadband: 0.05),
        new(NodeMetrics.CpuTemperature, 21, SparkplugDataType.Double, Deadband: 0.5),
        new(NodeMetrics.MemoryTotal, 22, SparkplugDataType.UInt64),
        new(NodeMetrics.MemoryAvailable, 23, SparkplugDataType.UInt64, Deadband: 0.01, DeadbandOf: NodeMetrics.MemoryTotal),
        new(NodeMetrics.DiskFree, 24, SparkplugDataType.UInt64, Deadband: 0.01, DeadbandOf: NodeMetrics.DiskTotal),
        new(NodeMetrics.DiskTotal, 25, SparkplugDataType.UInt64),
        new(NodeMetrics.Uptime, 26, SparkplugDataType.UInt64, FullReportOnly: true),
        new(NodeMetrics.Throttled, 27, SparkplugDataType.UInt32),
        new(NodeMetrics.NetworkInterface, 30, SparkplugDataType.String),
        new(NodeMetrics.HubRtt, 31, SparkplugDataType.Double, Deadband: 10),
        new(NodeMetrics.ClockSynced, 40, SparkplugDataType.Boolean),
        new(NodeMetrics.OutboxDropped, 50, SparkplugDataType.UInt64),
        new(NodeMetrics.OutboxPending, 51, SparkplugDataType.UInt64),
        new(MediaMetrics.SessionId, 60, SparkplugDataType.String),
        new(MediaMetrics.UplinkState, 61, SparkplugDataType.String),
        new(MediaMetrics.UplinkReason, 62, SparkplugDataType.String),
        new(MediaMetrics.UplinkRttMs, 63, SparkplugDataType.Double, Deadband: 20),
        new(MediaMetrics.UplinkLossPercent, 64, SparkplugDataType.Double, Deadband: 1),
        new(MediaMetrics.UplinkRetransmitPercent, 65, SparkplugDataType.Double, Deadband: 1),
        new(MediaMetrics.UplinkKbps, 66, SparkplugDataType.Double, Deadband: 100),
        new(MediaMetrics.PendingSegments, 67, SparkplugDataType.UInt64),
        new(MediaMetrics.PendingBytes, 68, SparkplugDataType.UInt64, FullReportOnly: true),
        new(MediaMetrics.StorageLevel, 69, SparkplugDataType.String),
    ];

    private static readonly Dictionary<ulong, string> NamesByAlias =
        Data.Select(d => (d.Alias, d.Name)).Concat(NodeControls.Select(c => (c.Alias, c.Name))).ToDictionary(p => p.Alias, p => p.Name);

    public static string? NameOf(ulong alias) => NamesByAlias.GetValueOrDefault(alias);

    /// <summary>Device metric aliases: unique across the whole node, as Sparkplug requires (see DeviceMetricCatalog).</summary>
    public static ulong DeviceAlias(string kind, string metric) => DeviceMetricCatalog.Alias(kind, metric);

    /// <summary>Current values of every data metric.</summary>
    public static Dictionary<string, SparkplugValue> Values(
        EdgeNodeSettings settings, HealthSample sample, double? hubRttMs, long outboxPending, long outboxDropped, Media.MediaNodeStatus? media = null)
    {
        media ??= Media.MediaNodeStatus.Idle;
        return new(StringComparer.Ordinal)
        {
        [NodeMetrics.ServiceVersion] = SparkplugValue.Of(settings.ServiceVersion),
        [NodeMetrics.Province] = SparkplugValue.Of(settings.Province),
        [NodeMetrics.Commune] = SparkplugValue.Of(settings.Commune),
        [NodeMetrics.Board] = SparkplugValue.Of(sample.Board),
        [NodeMetrics.CpuLoad] = SparkplugValue.Of(sample.CpuLoad),
        [NodeMetrics.CpuTemperature] = sample.CpuTemperatureCelsius is { } t ? SparkplugValue.Of(t) : SparkplugValue.Null(SparkplugDataType.Double),
        [NodeMetrics.MemoryTotal] = SparkplugValue.OfUInt64(sample.MemoryTotalBytes),
        [NodeMetrics.MemoryAvailable] = SparkplugValue.OfUInt64(sample.MemoryAvailableBytes),
        [NodeMetrics.DiskFree] = SparkplugValue.OfUInt64(sample.DiskFreeBytes),
        [NodeMetrics.DiskTotal] = SparkplugValue.OfUInt64(sample.DiskTotalBytes),
        [NodeMetrics.Uptime] = SparkplugValue.OfUInt64(sample.UptimeSeconds),
        [NodeMetrics.Throttled] = sample.Throttled is { } th ? SparkplugValue.OfUInt32(th) : SparkplugValue.Null(SparkplugDataType.UInt32),
        [NodeMetrics.NetworkInterface] = sample.NetworkInterface is { } nic ? SparkplugValue.Of(nic) : SparkplugValue.Null(SparkplugDataType.String),
        [NodeMetrics.HubRtt] = hubRttMs is { } rtt ? SparkplugValue.Of(Math.Round(rtt, 2)) : SparkplugValue.Null(SparkplugDataType.Double),
        [NodeMetrics.ClockSynced] = SparkplugValue.Of(sample.ClockSynced),
        [NodeMetrics.OutboxDropped] = SparkplugValue.OfUInt64((ulong)outboxDropped),
        [NodeMetrics.OutboxPending] = SparkplugValue.OfUInt64((ulong)outboxPending),
        [MediaMetrics.SessionId] = SparkplugValue.Of(media.SessionId),
        [MediaMetrics.UplinkState] = SparkplugValue.Of(media.UplinkState),
        [MediaMetrics.UplinkReason] = SparkplugValue.Of(media.UplinkReason),
        [MediaMetrics.UplinkRttMs] = OfNullable(media.UplinkRttMs),
        [MediaMetrics.UplinkLossPercent] = OfNullable(media.UplinkLossPercent),
        [MediaMetrics.UplinkRetransmitPercent] = OfNullable(media.UplinkRetransmitPercent),
        [MediaMetrics.UplinkKbps] = OfNullable(media.UplinkKbps),
        [MediaMetrics.PendingSegments] = SparkplugValue.OfUInt64((ulong)Math.Max(0, media.PendingSegments)),
        [MediaMetrics.PendingBytes] = SparkplugValue.OfUInt64((ulong)Math.Max(0, media.PendingBytes)),
        [MediaMetrics.StorageLevel] = SparkplugValue.Of(media.StorageLevel),
        };
    }

    private static SparkplugValue OfNullable(double? value) =>
        value is { } v ? SparkplugValue.Of(Math.Round(v, 2)) : SparkplugValue.Null(SparkplugDataType.Double);
}
