using System.Globalization;

namespace TiepCongDan.Benchmarks.OperatorConsole;

/// <summary>
/// CPU seconds of a browser and every process below it (Chromium's zygotes, renderers, GPU and
/// network services are grandchildren, so one level is not enough): each live process's
/// utime+stime plus the cutime+cstime it collected from children already reaped.
/// </summary>
public static class BrowserTreeCpu
{
    private const double TicksPerSecond = 100.0;

    public static (double Seconds, int Processes) Read(int rootPid)
    {
        var parents = new Dictionary<int, int>();
        var ticks = new Dictionary<int, double>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // Fields after "pid (comm) ": state=0, ppid=1, utime=11, stime=12, cutime=13, cstime=14.
                var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(f[1], CultureInfo.InvariantCulture);
                ticks[pid] = Parse(f[11]) + Parse(f[12]) + Parse(f[13]) + Parse(f[14]);
            }
            catch (IOException)
            {
                // exited while we looked; its time is in its parent's cutime once reaped
            }
        }

        var inTree = new HashSet<int> { rootPid };
        bool added;
        do
        {
            added = false;
            foreach (var (pid, parent) in parents)
            {
                if (!inTree.Contains(pid) && inTree.Contains(parent))
                {
                    inTree.Add(pid);
                    added = true;
                }
            }
        }
        while (added);

        var total = inTree.Sum(pid => ticks.GetValueOrDefault(pid));
        return (total / TicksPerSecond, inTree.Count(ticks.ContainsKey));
    }

    /// <summary>Every live process below the root (not the root), deepest first, to stop leftovers by pid.</summary>
    public static IReadOnlyList<int> Descendants(int rootPid)
    {
        var result = new List<int>();
        var frontier = new List<int> { rootPid };
        while (frontier.Count > 0)
        {
            var next = frontier.SelectMany(p => TiepCongDan.EndToEnd.Tests.Fixtures.ProcessTree.ChildrenOf(p)).ToList();
            result.AddRange(next);
            frontier = next;
        }

        result.Reverse();
        return result;
    }

    private static double Parse(string field) => double.Parse(field, CultureInfo.InvariantCulture);
}
