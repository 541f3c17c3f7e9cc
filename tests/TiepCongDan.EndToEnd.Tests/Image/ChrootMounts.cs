namespace TiepCongDan.EndToEnd.Tests.Image;

/// <summary>
/// /proc, /sys, /dev and a fresh /tmp mounted inside an arm64 root file system, plus a host directory
/// bound onto /var/lib/tcd-edge (the data partition's place), so tcd-edge can run there under
/// qemu-user without writing into the cached root. Everything is unmounted on dispose, innermost first,
/// even when the test failed.
/// </summary>
public sealed class ChrootMounts : IDisposable
{
    private readonly List<string> _mounted = [];

    private ChrootMounts(string root)
    {
        Root = root;
    }

    public string Root { get; }

    public static ChrootMounts Mount(string root, string dataDirectory)
    {
        var mounts = new ChrootMounts(root);
        try
        {
            mounts.Add("proc", "-t", "proc", "proc");
            mounts.Add("sys", "-t", "sysfs", "sysfs");
            mounts.Add("dev", "--bind", "/dev");
            mounts.Add("dev/pts", "--bind", "/dev/pts");
            mounts.Add("dev/shm", "-t", "tmpfs", "-o", "mode=1777,nosuid,nodev", "tmpfs");
            mounts.Add("tmp", "-t", "tmpfs", "-o", "mode=1777,nosuid,nodev", "tmpfs");
            mounts.Add("run", "-t", "tmpfs", "-o", "mode=0755,nosuid,nodev", "tmpfs");
            mounts.Add("var/lib/tcd-edge", "--bind", dataDirectory);
            return mounts;
        }
        catch
        {
            mounts.Dispose();
            throw;
        }
    }

    private void Add(string relative, params string[] sourceAndOptions)
    {
        var target = Path.Combine(Root, relative);
        Directory.CreateDirectory(target);
        ImageHost.RunChecked("mount", [.. sourceAndOptions, target]);
        _mounted.Add(target);
    }

    public void Dispose()
    {
        var failures = new List<string>();
        for (var i = _mounted.Count - 1; i >= 0; i--)
        {
            var (code, output) = ImageHost.Run("umount", [_mounted[i]]);
            if (code != 0)
            {
                // Still busy (a child not yet reaped): detach it so the next run starts clean.
                var (lazyCode, lazyOutput) = ImageHost.Run("umount", ["-l", _mounted[i]]);
                if (lazyCode != 0)
                {
                    failures.Add($"{_mounted[i]}: {output.Trim()} / {lazyOutput.Trim()}");
                }
            }
        }

        _mounted.Clear();
        if (failures.Count > 0)
        {
            throw new InvalidOperationException("could not unmount inside the arm64 root: " + string.Join("; ", failures));
        }
    }
}
