using TiepCongDan.Edge.Health;

namespace TiepCongDan.Edge.Tests.Health;

public sealed class LinuxHealthSampler_Tests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tcd-sysroot-").FullName;

    private sealed class FixedClock(bool synced) : IClockSyncProbe
    {
        public bool IsSynchronized() => synced;
    }

    private void Write(string path, string text)
    {
        var full = Path.Join(_root, path.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private void WriteCommon()
    {
        Write("/proc/loadavg", "1.20 0.80 0.50 2/345 6789\n");
        Write("/proc/meminfo", "MemTotal:        3884292 kB\nMemFree:          123456 kB\nMemAvailable:    2900000 kB\n");
        Write("/proc/uptime", "12345.67 40000.00\n");
        Write("/proc/net/route",
            "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n" +
            "eth0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n" +
            "wwan0\t00000000\t0100000A\t0003\t0\t0\t100\t00000000\t0\t0\t0\n" +
            "eth0\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0\n");
    }

    [Fact]
    public void A_raspberry_pi_reports_temperature_throttling_and_its_model()
    {
        WriteCommon();
        Write("/sys/class/thermal/thermal_zone0/type", "cpu-thermal\n");
        Write("/sys/class/thermal/thermal_zone0/temp", "61322\n");
        Write("/sys/devices/platform/soc/soc:firmware/get_throttled", "50005\n");
        Write("/proc/device-tree/model", "Raspberry Pi 4 Model B Rev 1.5\0");

        var sample = new LinuxHealthSampler(new RootedSystemFiles(_root), new FixedClock(false), _root, processorCount: 4).Sample();

        Assert.Equal(0.3, sample.CpuLoad);
        Assert.Equal(61.3, sample.CpuTemperatureCelsius);
        Assert.Equal(0x50005u, sample.Throttled);
        Assert.Equal("Raspberry Pi 4 Model B Rev 1.5", sample.Board);
        Assert.Equal(3884292UL * 1024, sample.MemoryTotalBytes);
        Assert.Equal(2900000UL * 1024, sample.MemoryAvailableBytes);
        Assert.Equal(12345UL, sample.UptimeSeconds);
        Assert.Equal("wwan0", sample.NetworkInterface);
        Assert.False(sample.ClockSynced);
        Assert.True(sample.DiskTotalBytes > 0 && sample.DiskFreeBytes <= sample.DiskTotalBytes);
    }

    [Fact]
    public void An_x86_pc_without_a_cpu_sensor_or_firmware_reports_nulls()
    {
        WriteCommon();
        Write("/sys/class/thermal/thermal_zone0/type", "acpitz\n");
        Write("/sys/class/thermal/thermal_zone0/temp", "27800\n");
        Write("/sys/class/dmi/id/product_name", "OptiPlex 3080\n");

        var sample = new LinuxHealthSampler(new RootedSystemFiles(_root), new FixedClock(true), _root, processorCount: 2).Sample();

        Assert.Null(sample.CpuTemperatureCelsius);
        Assert.Null(sample.Throttled);
        Assert.Equal("OptiPlex 3080", sample.Board);
        Assert.Equal(0.6, sample.CpuLoad);
        Assert.True(sample.ClockSynced);
    }

    [Fact]
    public void An_x86_package_sensor_counts_as_the_cpu_temperature_and_no_default_route_gives_no_interface()
    {
        Write("/sys/class/thermal/thermal_zone3/type", "x86_pkg_temp\n");
        Write("/sys/class/thermal/thermal_zone3/temp", "45000\n");
        Write("/proc/net/route", "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n");

        var sample = new LinuxHealthSampler(new RootedSystemFiles(_root), new FixedClock(true), _root, 2).Sample();

        Assert.Equal(45.0, sample.CpuTemperatureCelsius);
        Assert.Null(sample.NetworkInterface);
        Assert.Equal("unknown", sample.Board);
    }

    [Fact]
    public void The_real_adjtimex_call_answers_on_this_linux_machine()
    {
        var state = AdjtimexClockSyncProbe.QueryKernel();
        Assert.NotNull(state);
        Assert.InRange(state.Value, 0, 5);
    }

    [Fact]
    public void The_real_host_files_give_a_plausible_sample()
    {
        var sample = new LinuxHealthSampler(RootedSystemFiles.Host, new AdjtimexClockSyncProbe(RootedSystemFiles.Host), "/", Environment.ProcessorCount).Sample();
        Assert.True(sample.MemoryTotalBytes > 0);
        Assert.True(sample.UptimeSeconds > 0);
        Assert.True(sample.DiskTotalBytes > 0);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
