using TiepCongDan.Hub.Storage;

namespace TiepCongDan.Hub.Api;

/// <summary>One downsampled history sample.</summary>
public sealed record HistoryPointDto(string Timestamp, bool Online, double? CpuLoad, double? CpuTemperature,
    double? MemoryAvailable, double? DiskFree, double? HubRtt, double? UplinkKbps, double? UplinkLossPercent)
{
    public static HistoryPointDto From(HistoryRow row) => new(
        DeviceDto.Iso(DateTimeOffset.FromUnixTimeMilliseconds(row.TimestampMs))!, row.Online, row.CpuLoad, row.CpuTemperature,
        row.MemoryAvailable, row.DiskFree, row.HubRtt, row.UplinkKbps, row.UplinkLossPercent);
}
