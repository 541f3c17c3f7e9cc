using System.Globalization;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.Benchmarks;

/// <summary>
/// CPU seconds of a process and of the children it started (tcd-edge and its ffmpeg): its own
/// utime+stime, its reaped children's (cutime+cstime, so an ffmpeg restarted mid-window still
/// counts) and its live children's.
/// </summary>
public sealed record TreeCpu(double OwnSeconds, double ChildrenSeconds, int LiveChildren)
{
    private const double TicksPerSecond = 100.0;

    public double TotalSeconds => OwnSeconds + ChildrenSeconds;

    public static TreeCpu Read(int pid)
    {
        var own = Fields(pid);
        var children = Ticks(own, 13) + Ticks(own, 14);
        var live = 0;
        foreach (var child in ProcessTree.ChildrenOf(pid))
        {
            try
            {
                var fields = Fields(child);
                children += Ticks(fields, 11) + Ticks(fields, 12);
                live++;
            }
            catch (IOException)
            {
                // exited between the listing and the read: its time is now in the parent's cutime
            }
        }

        return new TreeCpu((Ticks(own, 11) + Ticks(own, 12)) / TicksPerSecond, children / TicksPerSecond, live);
    }

    /// <summary>Fields of /proc/PID/stat after the command name (index 0 = field 3, state).</summary>
    private static string[] Fields(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static double Ticks(string[] fields, int index) => double.Parse(fields[index], CultureInfo.InvariantCulture);
}
