namespace TiepCongDan.Edge.Health;

/// <summary>One reading of the kiosk's own health; null where the board cannot tell.</summary>
public sealed record HealthSample
{
    public double CpuLoad { get; init; }
    public double? CpuTemperatureCelsius { get; init; }
    public ulong MemoryTotalBytes { get; init; }
    public ulong MemoryAvailableBytes { get; init; }
    public ulong DiskFreeBytes { get; init; }
    public ulong DiskTotalBytes { get; init; }
    public ulong UptimeSeconds { get; init; }
    public string? NetworkInterface { get; init; }
    public bool ClockSynced { get; init; }
    public uint? Throttled { get; init; }
    public string Board { get; init; } = "unknown";
}
