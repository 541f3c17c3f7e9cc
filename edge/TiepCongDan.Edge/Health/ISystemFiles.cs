namespace TiepCongDan.Edge.Health;

/// <summary>
/// Read-only access to the kernel's /proc and /sys files by their absolute path. Tests hand the
/// sampler a root folder with fixture files (a Pi's thermal zone, get_throttled) instead.
/// Thread-safe: implementations hold no state.
/// </summary>
public interface ISystemFiles
{
    /// <summary>The file's text, or null when it does not exist or cannot be read.</summary>
    string? ReadText(string absolutePath);

    /// <summary>Absolute (un-rooted) paths of the directories matching <paramref name="pattern"/>; empty when none.</summary>
    IReadOnlyList<string> Directories(string absolutePath, string pattern);
}
