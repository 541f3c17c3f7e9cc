namespace TiepCongDan.Edge.Tests.FirmwareConfig;

/// <summary>
/// What the tcd-edge unit's hardening lets the service write. systemd is not PID 1 on the build
/// machine, so systemd itself cannot start the unit here; instead the test reads the unit's own
/// ProtectSystem, ReadWritePaths, StateDirectory, LogsDirectory, ProtectHome, PrivateTmp and
/// CapabilityBoundingSet, builds the same mount namespace with unshare(1) and mount(8) (what systemd
/// does for these settings: the whole tree read-only, the listed paths bound writable, home folders
/// inaccessible, a private /tmp) and runs a probe as root with no capabilities and no_new_privs,
/// which tries to create a file in each place. Proven: with these settings the kernel refuses every
/// write outside the data and logs directories with EROFS. Not proven: that systemd 252 builds
/// exactly this namespace (its own documentation says it does; see docs/decisions/0025).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class EdgeUnitSandboxTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("tcd-sandbox-").FullName;
    private readonly List<string> _created = [];

    [Fact]
    public void Emulated_unit_sandbox_lets_the_edge_write_only_its_data_and_logs_directories()
    {
        var unit = UnitFile.Load("systemd/tcd-edge.service");
        Assert.Equal("strict", unit.Last("Service", "ProtectSystem"));
        Assert.Equal("yes", unit.Last("Service", "ProtectHome"));
        Assert.Equal("yes", unit.Last("Service", "PrivateTmp"));
        Assert.Equal("yes", unit.Last("Service", "NoNewPrivileges"));
        Assert.Equal("", unit.Last("Service", "CapabilityBoundingSet"));

        var writable = unit.All("Service", "ReadWritePaths").SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Concat(unit.All("Service", "StateDirectory").Select(d => "/var/lib/" + d))
            .Concat(unit.All("Service", "LogsDirectory").Select(d => "/var/log/" + d))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["/var/lib/tcd-edge", "/var/log/tcd-edge"], writable);

        foreach (var dir in writable.Where(d => !Directory.Exists(d)))
        {
            Directory.CreateDirectory(dir); // systemd's StateDirectory=/LogsDirectory= would create them
            _created.Add(dir);
        }

        var privateTmpMarker = ".tcd-private-tmp-" + Guid.NewGuid().ToString("N");
        var denied = new[] { "/etc", "/usr", "/opt", "/var", "/var/lib", "/var/cache", "/var/log", "/srv", "/work", "/root", "/home" }
            .Where(Directory.Exists).ToList();
        var script = Path.Combine(_work, "sandbox.sh");
        File.WriteAllText(script, SandboxScript);
        var args = new List<string> { "--mount", "--propagation", "private", "/bin/sh", script, "--rw" };
        args.AddRange(writable);
        args.Add("--probe");
        args.AddRange(writable);
        args.AddRange(denied);
        args.Add("--keep");
        args.Add("/tmp/" + privateTmpMarker);

        HostTool.Require("setpriv", "util-linux");
        var (exit, output, error) = HostTool.Run("unshare", "util-linux", args);
        Assert.True(exit == 0, $"the sandbox could not be built (needs root and mount namespaces): exit {exit}\n{output}{error}");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var dir in writable)
        {
            Assert.Contains($"WROTE {dir}", lines);
        }

        foreach (var dir in denied)
        {
            var line = Assert.Single(lines, l => l.StartsWith($"DENIED {dir} ", StringComparison.Ordinal) || l == $"WROTE {dir}");
            Assert.StartsWith($"DENIED {dir} ", line);
            // /root and /home are hidden (ProtectHome: mode 000); everything else is a read-only mount.
            Assert.True(line.Contains("Read-only file system", StringComparison.Ordinal) || dir is "/root" or "/home", line);
        }

        Assert.Contains("KEPT /tmp/" + privateTmpMarker, lines);
        Assert.False(File.Exists("/tmp/" + privateTmpMarker), "PrivateTmp: a file the service wrote to /tmp must not appear in the machine's /tmp");
    }

    public void Dispose()
    {
        foreach (var dir in _created)
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.Delete(_work, recursive: true);
    }

    // Runs in its own mount namespace (unshare --mount --propagation private): nothing here is seen
    // outside it. The probe creates one file per place and removes it at once.
    private const string SandboxScript = """
        set -u
        rw=""; probe=""; keep=""; mode=""
        for a in "$@"; do
          case "$a" in
            --rw) mode=rw ;; --probe) mode=probe ;; --keep) mode=keep ;;
            *) case "$mode" in rw) rw="$rw $a" ;; probe) probe="$probe $a" ;; keep) keep="$keep $a" ;; esac ;;
          esac
        done
        mount --make-rprivate / || exit 90
        # ReadWritePaths=, StateDirectory=, LogsDirectory=: their own writable bind mounts.
        for p in $rw; do mount --bind "$p" "$p" || exit 91; done
        # ProtectSystem=strict: every other mount read-only (API file systems are covered by other settings).
        awk '{print $5}' /proc/self/mountinfo | sort -u | while read -r mp; do
          case "$mp" in /proc|/proc/*|/sys|/sys/*|/dev|/dev/*) continue ;; esac
          skip=0; for p in $rw; do [ "$mp" = "$p" ] && skip=1; done
          [ "$skip" = 1 ] || mount -o remount,bind,ro "$mp" 2>/dev/null || true
        done
        # ProtectHome=yes: /home, /root and /run/user empty and inaccessible.
        for h in /home /root /run/user; do [ -d "$h" ] && mount -t tmpfs -o ro,mode=000 tmpfs "$h"; done
        # PrivateTmp=yes.
        mount -t tmpfs -o mode=1777 tmpfs /tmp || exit 92
        mount -t tmpfs -o mode=1777 tmpfs /var/tmp || exit 93
        # NoNewPrivileges=yes, CapabilityBoundingSet= (empty).
        exec setpriv --no-new-privs --bounding-set=-all --inh-caps=-all /bin/sh -c '
          keep="$1"; shift
          for p in "$@"; do
            f="$p/.tcd-sandbox-probe-$$"
            if err=$( (: > "$f") 2>&1 ); then echo "WROTE $p"; rm -f "$f"; else echo "DENIED $p :: $err"; fi
          done
          for k in $keep; do if (: > "$k") 2>/dev/null; then echo "KEPT $k"; fi; done' probe "$keep" $probe
        """;
}
