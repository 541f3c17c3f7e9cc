using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.Image;

/// <summary>
/// The kiosk image's arm64 root file system, built by `images/build-image.sh --rootfs-only` (the same
/// packages, firmware-config files and published edge the .img carries) and cached under /var/tmp
/// (TCD_IMAGE_CACHE), keyed by a hash of every input (images/, firmware-config/, the edge's sources). A second
/// test, or a second run with unchanged inputs, reuses it; TCD_IMAGE_ROOTFS names a ready one instead.
/// </summary>
public static class ImageRootFs
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly string[] InputFolders = ["images", "firmware-config", "edge", "contracts", "native"];
    private static readonly string[] InputFiles = ["Directory.Build.props", "Directory.Packages.props"];

    /// <summary>The ready root and how long building it took (zero when it came from the cache).</summary>
    public static async Task<(string Root, TimeSpan BuildTime)> GetAsync(CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable("TCD_IMAGE_ROOTFS") is { Length: > 0 } given)
        {
            return File.Exists(Path.Combine(given, "opt/tcd-edge/current/tcd-edge"))
                ? (given, TimeSpan.Zero)
                : throw new InvalidOperationException($"TCD_IMAGE_ROOTFS={given} has no /opt/tcd-edge/current/tcd-edge");
        }

        var repo = BuiltPrograms.RepositoryRoot()
                   ?? throw new InvalidOperationException("the repository (TiepCongDan.Edge.sln) was not found above the test binaries");
        var key = InputKey(repo);
        // /var/tmp: survives reboots and /tmp clean-ups (the build takes minutes); TCD_IMAGE_CACHE moves it.
        var cacheBase = Environment.GetEnvironmentVariable("TCD_IMAGE_CACHE") is { Length: > 0 } c ? c : "/var/tmp";
        var cache = Path.Combine(cacheBase, $"tcd-image-rootfs-{key}");
        var root = Path.Combine(cache, "rootfs");
        var ready = Path.Combine(cache, "ready");
        await Gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(cache);
            // Another test process building the same key waits here (the lock dies with its holder).
            await using var lockFile = await LockAsync(Path.Combine(cache, "lock"), cancellationToken);
            if (File.Exists(ready))
            {
                return (root, TimeSpan.Zero);
            }

            var stopwatch = Stopwatch.StartNew();
            await BuildAsync(repo, cache, root, cancellationToken);
            await File.WriteAllTextAsync(ready, $"built in {stopwatch.Elapsed.TotalSeconds:0} s\n", cancellationToken);
            return (root, stopwatch.Elapsed);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task BuildAsync(string repo, string cache, string root, CancellationToken cancellationToken)
    {
        var log = Path.Combine(cache, "build.log");
        var info = new ProcessStartInfo("/bin/bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = repo,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec \"$0\" --rootfs-only \"$1\" >\"$2\" 2>&1");
        info.ArgumentList.Add(Path.Combine(repo, "images", "build-image.sh"));
        info.ArgumentList.Add(root);
        info.ArgumentList.Add(log);
        info.Environment["TCD_IMAGE_WORK"] = Path.Combine(cache, "work");
        info.Environment.Remove("MSBuildExtensionsPath");
        info.Environment.Remove("MSBuildSDKsPath");
        info.Environment.Remove("MSBUILD_EXE_PATH");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start images/build-image.sh");
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(40)) : "(no log)";
            throw new InvalidOperationException($"images/build-image.sh --rootfs-only failed (exit {process.ExitCode}); log {log}:\n{tail}");
        }
    }

    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    /// <summary>A short hash of every input file's path and content (bin/obj and out/ left out).</summary>
    public static string InputKey(string repo)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = InputFolders
            .Select(f => Path.Combine(repo, f))
            .Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Concat(InputFiles.Select(f => Path.Combine(repo, f)).Where(File.Exists))
            .Select(f => Path.GetRelativePath(repo, f))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "out" or "node_modules"))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(repo, file)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
