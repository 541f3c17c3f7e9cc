using System.Runtime.CompilerServices;

namespace TiepCongDan.Edge.Tests.FirmwareConfig;

/// <summary>The repository's firmware-config folder, found from this source file (tests build elsewhere).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class FirmwareFiles
{
    public static string Directory { get; } = Find();

    public static string PathOf(string relative) => System.IO.Path.Combine(Directory, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>install-map.txt as (source, target, mode) rows.</summary>
    public static IReadOnlyList<(string Source, string Target, string Mode)> InstallMap() =>
        ContentLines("install-map.txt")
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(p => p.Length == 3 ? (p[0], p[1], p[2]) : throw new FormatException("install-map.txt line without 3 fields: " + string.Join(' ', p)))
            .ToList();

    /// <summary>Lines of a list file without comments and blanks.</summary>
    public static IReadOnlyList<string> ContentLines(string relative) =>
        File.ReadAllLines(PathOf(relative)).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

    private static string Find([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { System.IO.Path.GetDirectoryName(sourceFile), System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "firmware-config");
                if (File.Exists(System.IO.Path.Combine(candidate, "install-map.txt")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException($"firmware-config/install-map.txt not found above {sourceFile}.");
    }
}
