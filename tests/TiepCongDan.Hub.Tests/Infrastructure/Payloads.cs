using Google.Protobuf;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;

namespace TiepCongDan.Hub.Tests.Infrastructure;

/// <summary>Sparkplug payloads as a kiosk would send them, built with the shared contracts.</summary>
public static class Payloads
{
    public const ulong CpuLoadAlias = 10;
    public const ulong CpuTemperatureAlias = 11;
    public const ulong DiskFreeAlias = 12;
    public const ulong ClockSyncedAlias = 13;

    public static ulong Now => (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public static byte[] NodeBirth(string kioskId, long bdSeq, double cpuLoad = 0.25)
    {
        var now = Now;
        var payload = new Payload { Timestamp = now, Seq = 0 };
        payload.Metrics.Add(MetricFactory.Create(NodeMetrics.BdSeq, 0, SparkplugValue.OfUInt64((ulong)bdSeq), now));
        payload.Metrics.Add(MetricFactory.Create(NodeMetrics.Rebirth, 0, SparkplugValue.Of(false), now));
        payload.Metrics.Add(MetricFactory.Create(NodeMetrics.Province, 0, SparkplugValue.Of(KioskId.ProvinceOf(kioskId)), now));
        payload.Metrics.Add(MetricFactory.Create(NodeMetrics.Commune, 0, SparkplugValue.Of(kioskId.Substring(3, 5)), now));
        payload.Metrics.Add(MetricFactory.Create(NodeMetrics.CpuLoad, CpuLoadAlias, SparkplugValue.Of(cpuLoad), now));
        payload.Metrics.Add(MetricFactory.Create(NodeMetrics.CpuTemperature, CpuTemperatureAlias, SparkplugValue.Of(48.5), now));
        payload.Metrics.Add(MetricFactory.Create(NodeMetrics.DiskFree, DiskFreeAlias, SparkplugValue.OfUInt64(8_000_000_000), now));
        payload.Metrics.Add(MetricFactory.Create(NodeMetrics.ClockSynced, ClockSyncedAlias, SparkplugValue.Of(true), now));
        return payload.ToByteArray();
    }

    public static byte[] NodeDeath(long bdSeq)
    {
        var payload = new Payload { Timestamp = Now };
        payload.Metrics.Add(MetricFactory.Create(NodeMetrics.BdSeq, 0, SparkplugValue.OfUInt64((ulong)bdSeq), Now));
        return payload.ToByteArray();
    }

    /// <summary>NDATA with the CPU load by alias only, as a real edge node sends it after its birth.</summary>
    public static byte[] CpuData(ulong seq, double cpuLoad, ulong alias = CpuLoadAlias)
    {
        var now = Now;
        var payload = new Payload { Timestamp = now, Seq = seq };
        payload.Metrics.Add(MetricFactory.Create(string.Empty, alias, SparkplugValue.Of(cpuLoad), now));
        return payload.ToByteArray();
    }

    public static byte[] DeviceStatus(ulong seq, DeviceStatus status, string reason)
    {
        var now = Now;
        var payload = new Payload { Timestamp = now, Seq = seq };
        payload.Metrics.Add(MetricFactory.Create(DeviceMetrics.Status, 0, SparkplugValue.Of(status.ToWire()), now));
        payload.Metrics.Add(MetricFactory.Create(DeviceMetrics.Reason, 0, SparkplugValue.Of(reason), now));
        return payload.ToByteArray();
    }

    public static bool WritesTrue(byte[] payload, string metricName) =>
        Payload.Parser.ParseFrom(payload).Metrics.Any(m => m.Name == metricName && m.BooleanValue);
}
