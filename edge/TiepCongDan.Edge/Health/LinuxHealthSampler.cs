using System.Globalization;

namespace TiepCongDan.Edge.Health;

/// <summary>
/// Reads health from Linux /proc and /sys through <see cref="ISystemFiles"/>, so the same code is
/// tested against fixture files of a Raspberry Pi and of an x86 PC. Spawns no process: a sample
/// costs a few file reads.
/// </summary>
public sealed class LinuxHealthSampler(ISystemFiles files, IClockSyncProbe clock, string dataPartitionPath, int processorCount) : IHealthSampler
{
    private static readonly string[] CpuThermalTypes = ["cpu-thermal", "x86_pkg_temp"];

    private string? _board;

    public HealthSample Sample()
    {
        var (memTotal, memAvailable) = ReadMemory();
        var (diskFree, diskTotal) = ReadDisk();
        return new HealthSample
        {
            CpuLoad = ReadCpuLoad(),
            CpuTemperatureCelsius = ReadCpuTemperature(),
            MemoryTotalBytes = memTotal,
            MemoryAvailableBytes = memAvailable,
            DiskFreeBytes = diskFree,
            DiskTotalBytes = diskTotal,
            UptimeSeconds = ReadUptime(),
            NetworkInterface = ReadDefaultRouteInterface(),
            ClockSynced = clock.IsSynchronized(),
            Throttled = ReadThrottled(),
            Board = _board ??= ReadBoard(),
        };
    }

    internal double ReadCpuLoad()
    {
        var text = files.ReadText("/proc/loadavg");
        var first = text?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is not null && double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var load)
            ? Math.Round(load / Math.Max(1, processorCount), 3)
            : 0;
    }

    internal double? ReadCpuTemperature()
    {
        foreach (var zone in files.Directories("/sys/class/thermal", "thermal_zone*"))
        {
            var type = files.ReadText(zone + "/type")?.Trim();
            if (type is null || !CpuThermalTypes.Contains(type, StringComparer.Ordinal))
            {
                continue;
            }

            var milli = files.ReadText(zone + "/temp")?.Trim();
            if (long.TryParse(milli, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return Math.Round(value / 1000.0, 1);
            }
        }

        return null;
    }

    internal (ulong Total, ulong Available) ReadMemory()
    {
        ulong total = 0, available = 0;
        foreach (var line in (files.ReadText("/proc/meminfo") ?? string.Empty).Split('\n'))
        {
            if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
            {
                total = ParseKiloBytes(line);
            }
            else if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
            {
                available = ParseKiloBytes(line);
            }
        }

        return (total, available);
    }

    private static ulong ParseKiloBytes(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && ulong.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : 0;
    }

    internal (ulong Free, ulong Total) ReadDisk()
    {
        try
        {
            var drive = new DriveInfo(Path.GetFullPath(dataPartitionPath));
            return ((ulong)drive.AvailableFreeSpace, (ulong)drive.TotalSize);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return (0, 0);
        }
    }

    internal ulong ReadUptime()
    {
        var first = files.ReadText("/proc/uptime")?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is not null && double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? (ulong)seconds
            : 0;
    }

    /// <summary>The interface of the default route with the lowest metric (e.g. "wwan0" on a 4G kiosk).</summary>
    internal string? ReadDefaultRouteInterface()
    {
        string? best = null;
        var bestMetric = long.MaxValue;
        foreach (var line in (files.ReadText("/proc/net/route") ?? string.Empty).Split('\n').Skip(1))
        {
            var f = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 8 || f[1] != "00000000" || f[7] != "00000000")
            {
                continue;
            }

            var metric = long.TryParse(f[6], NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) ? m : long.MaxValue - 1;
            if (metric < bestMetric)
            {
                best = f[0];
                bestMetric = metric;
            }
        }

        return best;
    }

    /// <summary>
    /// The Pi firmware's throttling bits. Read from the firmware's sysfs file rather than by running
    /// vcgencmd (a process per sample); null on boards without that file.
    /// </summary>
    internal uint? ReadThrottled()
    {
        var text = files.ReadText("/sys/devices/platform/soc/soc:firmware/get_throttled")?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // vcgencmd prints "throttled=0x50005"; the sysfs file prints the bare hex value "50005".
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var hex = eq >= 0 ? text[(eq + 1)..] : text;
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            hex = hex[2..];
        }

        return uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var bits) ? bits : null;
    }

    internal string ReadBoard()
    {
        var model = files.ReadText("/proc/device-tree/model") ?? files.ReadText("/sys/class/dmi/id/product_name");
        model = model?.Trim('\0', ' ', '\n', '\r', '\t');
        return string.IsNullOrEmpty(model) ? "unknown" : model;
    }
}
