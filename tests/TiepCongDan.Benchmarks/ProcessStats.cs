using System.Globalization;

namespace TiepCongDan.Benchmarks;

/// <summary>CPU time and memory of a process from /proc, the same numbers `top` and `ps` use.</summary>
public sealed record ProcessStats(double CpuSeconds, long RssBytes, long PeakRssBytes)
{
    /// <summary>Clock ticks per second for /proc/PID/stat (USER_HZ); 100 on every Linux we run on.</summary>
    private const double TicksPerSecond = 100.0;

    public static ProcessStats Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may hold spaces; fields after its closing ')' start at field 3.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var utime = double.Parse(fields[11], CultureInfo.InvariantCulture);
        var stime = double.Parse(fields[12], CultureInfo.InvariantCulture);
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = KiloBytes(line) * 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = KiloBytes(line) * 1024;
            }
        }

        return new ProcessStats((utime + stime) / TicksPerSecond, rss, peak);
    }

    /// <summary>CPU use between two readings as a percentage of one core.</summary>
    public static double CpuPercent(ProcessStats before, ProcessStats after, TimeSpan wall) =>
        wall <= TimeSpan.Zero ? 0 : 100.0 * (after.CpuSeconds - before.CpuSeconds) / wall.TotalSeconds;

    private static long KiloBytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
