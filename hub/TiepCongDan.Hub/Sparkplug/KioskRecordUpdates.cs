using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;
using TiepCongDan.Hub.Registry;
using TiepCongDan.Hub.Storage;

namespace TiepCongDan.Hub.Sparkplug;

/// <summary>
/// How one Sparkplug message changes a kiosk's record: alias resolution, current metric values,
/// device states and replayed history. Pure functions on a record the caller holds locked
/// (see <see cref="KioskRegistry.Update{T}"/>); they touch only that record and the registry's history queue.
/// </summary>
internal static class KioskRecordUpdates
{
    /// <summary>Returns true when a metric used an alias the birth did not define.</summary>
    public static bool ApplyNodeData(KioskRecord record, Payload payload, KioskRegistry registry)
    {
        var unknown = false;
        foreach (var metric in payload.Metrics)
        {
            if (!Resolve(record, string.Empty, metric, out var definition))
            {
                unknown = true;
                continue;
            }

            if (metric.IsHistorical)
            {
                // A value from the kiosk's outbox: history at its own time, never the current value.
                if (RegistryStore.IsHistoryMetric(definition.Name) && metric.HasTimestamp
                    && MetricValues.ToDouble(SparkplugValue.ReadFrom(metric, definition.DataType)?.Value) is { } old)
                {
                    registry.AddHistorical(new HistoricalSample(record.KioskId, (long)metric.Timestamp, definition.Name, old));
                }

                continue;
            }

            if (!IsShown(definition.Name))
            {
                continue;
            }

            if (SparkplugValue.ReadFrom(metric, definition.DataType) is { } value)
            {
                record.Metrics[definition.Name] = value.Value;
            }
        }

        return unknown;
    }

    public static bool ApplyDeviceBirth(KioskRecord record, string device, Payload payload)
    {
        foreach (var metric in payload.Metrics)
        {
            if (!string.IsNullOrEmpty(metric.Name) && metric.HasAlias)
            {
                record.Aliases[(device, metric.Alias)] = new MetricDefinition(metric.Name, (SparkplugDataType)metric.Datatype, device);
            }
        }

        record.Devices[device] = new DeviceState("present", string.Empty);
        return ApplyDeviceData(record, device, payload);
    }

    public static bool ApplyDeviceData(KioskRecord record, string device, Payload payload)
    {
        var unknown = false;
        var state = record.Devices.GetValueOrDefault(device) ?? new DeviceState("present", string.Empty);
        foreach (var metric in payload.Metrics)
        {
            if (!Resolve(record, device, metric, out var definition))
            {
                unknown = true;
                continue;
            }

            if (metric.IsHistorical || SparkplugValue.ReadFrom(metric, definition.DataType) is not { } read)
            {
                continue;
            }

            if (definition.Name is MediaMetrics.Frozen or MediaMetrics.Silent)
            {
                // The alerts read a peripheral's health flags as "{device}/{metric}" (see Alerts/AlertInputs).
                record.Metrics[$"{device}/{definition.Name}"] = read.Value;
                continue;
            }

            if (read.Value is not string text)
            {
                continue;
            }

            if (definition.Name == DeviceMetrics.Status && DeviceStatusText.TryParse(text, out var status))
            {
                state = state with { Status = status.ToWire() };
            }
            else if (definition.Name == DeviceMetrics.Reason)
            {
                state = state with { Reason = text };
            }
        }

        record.Devices[device] = state;
        return unknown;
    }

    public static bool ApplyDeviceDeath(KioskRecord record, string device)
    {
        record.Devices[device] = new DeviceState("absent", "DDEATH");
        return false;
    }

    private static bool Resolve(KioskRecord record, string scope, Payload.Types.Metric metric, out MetricDefinition definition)
    {
        if (metric.HasAlias && record.Aliases.TryGetValue((scope, metric.Alias), out definition!))
        {
            return true;
        }

        if (!string.IsNullOrEmpty(metric.Name))
        {
            definition = new MetricDefinition(metric.Name, metric.HasDatatype ? (SparkplugDataType)metric.Datatype : SparkplugDataType.Unknown, null);
            return true;
        }

        definition = null!;
        return false;
    }

    public static bool IsShown(string name) => !name.StartsWith("Node Control/", StringComparison.Ordinal) && name != NodeMetrics.BdSeq;

    public static long? ReadBdSeq(Payload payload)
    {
        foreach (var metric in payload.Metrics)
        {
            if (metric.Name == NodeMetrics.BdSeq && SparkplugValue.ReadFrom(metric, SparkplugDataType.UInt64) is { Value: { } value })
            {
                return value switch
                {
                    ulong u => (long)(u & 0xFF_FFFF_FFFF_FFFF),
                    long l => l,
                    _ => null,
                };
            }
        }

        return null;
    }
}
