using TiepCongDan.Edge.Health;

namespace TiepCongDan.Edge.Tests.Infrastructure;

/// <summary>A health sampler whose reading the test sets: the node's report-by-exception logic is what is under test.</summary>
internal sealed class StepSampler : IHealthSampler
{
    public HealthSample Current { get; set; } = new()
    {
        CpuLoad = 0.25,
        CpuTemperatureCelsius = 51.0,
        MemoryTotalBytes = 4_000_000_000,
        MemoryAvailableBytes = 3_000_000_000,
        DiskFreeBytes = 20_000_000_000,
        DiskTotalBytes = 32_000_000_000,
        UptimeSeconds = 1000,
        NetworkInterface = "wwan0",
        ClockSynced = true,
        Throttled = 0x50005,
        Board = "Raspberry Pi 4 Model B Rev 1.5",
    };

    public HealthSample Sample() => Current;
}
