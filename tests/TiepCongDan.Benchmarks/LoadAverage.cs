using System.Globalization;

namespace TiepCongDan.Benchmarks;

/// <summary>The 1-minute load average from /proc/loadavg: how busy the machine was (other jobs too) while we measured.</summary>
public static class LoadAverage
{
    public static double OneMinute() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
