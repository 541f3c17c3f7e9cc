using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;

namespace TiepCongDan.Edge.Sparkplug;

/// <summary>
/// The metrics of each device kind: Status and Reason for all, media health for the camera and
/// the microphone, reader health for the card reader. Aliases are fixed (1000 + 100 x device
/// slot + index) and unique across the node, as Sparkplug requires, so a DDATA stored offline still decodes after a restart.
/// </summary>
public static class DeviceMetricCatalog
{
    private static readonly MetricDefinition[] Common =
    [
        new(DeviceMetrics.Status, 1, SparkplugDataType.String),
        new(DeviceMetrics.Reason, 2, SparkplugDataType.String),
    ];

    private static readonly MetricDefinition[] Camera =
    [
        new(MediaMetrics.FramesIn, 10, SparkplugDataType.UInt64, FullReportOnly: true),
        new(MediaMetrics.FramesOut, 11, SparkplugDataType.UInt64, FullReportOnly: true),
        new(MediaMetrics.FramesDropped, 12, SparkplugDataType.UInt64),
        new(MediaMetrics.Frozen, 13, SparkplugDataType.Boolean),
        new(MediaMetrics.EncoderKbps, 14, SparkplugDataType.Double, Deadband: 100),
        new(MediaMetrics.Rung, 15, SparkplugDataType.String),
        new(MediaMetrics.Encoder, 16, SparkplugDataType.String),
        new(MediaMetrics.AvDriftMs, 17, SparkplugDataType.Double, Deadband: 20),
        new(MediaMetrics.EncoderRestarts, 18, SparkplugDataType.UInt64),
    ];

    private static readonly MetricDefinition[] Microphone =
    [
        new(MediaMetrics.AudioLevelDbfs, 10, SparkplugDataType.Double, Deadband: 3),
        new(MediaMetrics.Silent, 11, SparkplugDataType.Boolean),
    ];

    private static readonly MetricDefinition[] CardReader =
    [
        new(CardMetrics.ReaderPresent, 10, SparkplugDataType.Boolean),
        new(CardMetrics.ReaderName, 11, SparkplugDataType.String),
        new(CardMetrics.CardPresent, 12, SparkplugDataType.Boolean),
        new(CardMetrics.LastReadOkAt, 13, SparkplugDataType.String),
        new(CardMetrics.ReadsOk, 14, SparkplugDataType.UInt64),
        new(CardMetrics.ReadErrors, 15, SparkplugDataType.UInt64),
        new(CardMetrics.WrongKeyErrors, 16, SparkplugDataType.UInt64),
        new(CardMetrics.CardRemovedErrors, 17, SparkplugDataType.UInt64),
        new(CardMetrics.AuthenticityFailures, 18, SparkplugDataType.UInt64),
    ];

    // Counters only in the full report: one press must not cost a message of its own.
    private static readonly MetricDefinition[] ButtonPanel =
    [
        new(ButtonPanelMetrics.Board, 10, SparkplugDataType.String),
        new(ButtonPanelMetrics.StuckButtons, 11, SparkplugDataType.String),
        new(ButtonPanelMetrics.Presses, 12, SparkplugDataType.UInt64, FullReportOnly: true),
        new(ButtonPanelMetrics.LongPresses, 13, SparkplugDataType.UInt64, FullReportOnly: true),
        new(ButtonPanelMetrics.BounceEdges, 14, SparkplugDataType.UInt64, FullReportOnly: true),
        new(ButtonPanelMetrics.StatusLight, 15, SparkplugDataType.String),
    ];

    private static readonly Dictionary<string, IReadOnlyList<MetricDefinition>> ByKind = new(StringComparer.Ordinal);

    /// <summary>The kind's metrics with node-unique aliases, Status and Reason first.</summary>
    public static IReadOnlyList<MetricDefinition> For(string kind)
    {
        lock (ByKind)
        {
            if (!ByKind.TryGetValue(kind, out var list))
            {
                var extra = kind switch
                {
                    DeviceKinds.Camera => Camera,
                    DeviceKinds.Microphone => Microphone,
                    DeviceKinds.CardReader => CardReader,
                    DeviceKinds.ButtonPanel => ButtonPanel,
                    _ => [],
                };
                var slot = Slot(kind);
                list = Common.Concat(extra).Select(d => d with { Alias = 1000 + (slot * 100) + d.Alias }).ToList();
                ByKind[kind] = list;
            }

            return list;
        }
    }

    public static ulong Alias(string kind, string metric) =>
        For(kind).FirstOrDefault(d => d.Name == metric)?.Alias
        ?? throw new ArgumentException($"Device kind '{kind}' has no metric '{metric}'.", nameof(metric));

    /// <summary>Status, Reason and the port's extra metrics (null where the port has no value).</summary>
    public static Dictionary<string, SparkplugValue> Values(Devices.IDevicePort port)
    {
        var reading = port.Current;
        var extra = port.Metrics;
        var values = new Dictionary<string, SparkplugValue>(StringComparer.Ordinal)
        {
            [DeviceMetrics.Status] = SparkplugValue.Of(reading.Status.ToWire()),
            [DeviceMetrics.Reason] = SparkplugValue.Of(reading.Reason),
        };
        foreach (var def in For(port.Kind).Skip(Common.Length))
        {
            values[def.Name] = extra.TryGetValue(def.Name, out var v) ? v : SparkplugValue.Null(def.DataType);
        }

        return values;
    }

    private static ulong Slot(string kind)
    {
        for (var i = 0; i < DeviceKinds.All.Count; i++)
        {
            if (DeviceKinds.All[i] == kind)
            {
                return (ulong)i;
            }
        }

        var hash = 17;
        foreach (var c in kind)
        {
            hash = unchecked((hash * 31) + c);
        }

        return 90 + ((ulong)(uint)hash % 9);
    }
}
