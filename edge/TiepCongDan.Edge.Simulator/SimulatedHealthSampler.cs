using TiepCongDan.Edge.Health;

namespace TiepCongDan.Edge.Simulator;

/// <summary>
/// Plausible Pi-like health without reading /proc: CPU load moves by at least the deadband each
/// sample so every kiosk sends exactly one NDATA per interval (the benchmark's load model).
/// Not thread-safe: each node samples from one place at a time.
/// </summary>
internal sealed class SimulatedHealthSampler(int seed, TimeProvider time) : IHealthSampler
{
    private const ulong Gib = 1024UL * 1024 * 1024;
    private readonly Random _random = new(seed);
    private readonly long _start = time.GetTimestamp();
    private double _load = 0.2;

    public HealthSample Sample()
    {
        var step = 0.06 + (_random.NextDouble() * 0.1);
        _load = _load + step > 0.9 ? _load - step : _load + step;
        return new HealthSample
        {
            CpuLoad = Math.Round(_load, 3),
            CpuTemperatureCelsius = 48.0,
            MemoryTotalBytes = 4 * Gib,
            MemoryAvailableBytes = 3 * Gib,
            DiskFreeBytes = 20 * Gib,
            DiskTotalBytes = 32 * Gib,
            UptimeSeconds = (ulong)time.GetElapsedTime(_start).TotalSeconds,
            NetworkInterface = "eth0",
            ClockSynced = true,
            Throttled = 0,
            Board = "Simulated Raspberry Pi 4 Model B",
        };
    }
}
