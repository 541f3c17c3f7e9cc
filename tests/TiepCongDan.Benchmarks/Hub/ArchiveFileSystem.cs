namespace TiepCongDan.Benchmarks.Hub;

/// <summary>The mount holding a folder ("ext4 /dev/vda on /"), from /proc/mounts: fsync throughput depends on it.</summary>
public static class ArchiveFileSystem
{
    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var best = File.ReadLines("/proc/mounts")
            .Select(line => line.Split(' '))
            .Where(f => f.Length >= 3 && (full == f[1] || full.StartsWith(f[1].TrimEnd('/') + "/", StringComparison.Ordinal)))
            .MaxBy(f => f[1].Length);
        return best is null ? "unknown" : $"{best[2]} {best[0]} on {best[1]}";
    }
}
