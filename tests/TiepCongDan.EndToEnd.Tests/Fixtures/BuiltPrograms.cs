namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// Finds tcd-hub.dll, tcd-edge.dll and tcd-fleet-sim.dll next to this assembly's build output.
/// They are project references with ReferenceOutputAssembly=false, so they are built with the
/// tests but stay in their own output folders. Two layouts are understood:
/// the classic one (repo/tests/X/bin/Debug/net10.0 → repo/hub/Y/bin/Debug/net10.0) and the
/// --artifacts-path one (ART/bin/X/debug → ART/bin/Y/debug). TCD_HUB_DLL, TCD_EDGE_DLL and
/// TCD_FLEET_SIM_DLL override the search.
/// </summary>
public static class BuiltPrograms
{
    public static string Hub => Find("tcd-hub.dll", "hub", "TiepCongDan.Hub", "TCD_HUB_DLL");

    public static string Edge => Find("tcd-edge.dll", "edge", "TiepCongDan.Edge.Service", "TCD_EDGE_DLL");

    public static string FleetSimulator => Find("tcd-fleet-sim.dll", "edge", "TiepCongDan.Edge.Simulator", "TCD_FLEET_SIM_DLL");

    /// <summary>The repository root (the folder holding TiepCongDan.Edge.sln), or null in the artifacts layout without it.</summary>
    public static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TiepCongDan.Edge.sln")))
            {
                return dir.FullName;
            }
        }

        // Artifacts outside the repo: fall back to the working directory's repo (where dotnet was run).
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TiepCongDan.Edge.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string Find(string fileName, string topFolder, string projectName, string overrideVariable)
    {
        if (Environment.GetEnvironmentVariable(overrideVariable) is { Length: > 0 } overridden)
        {
            return File.Exists(overridden)
                ? overridden
                : throw new FileNotFoundException($"{overrideVariable} points to {overridden}, which does not exist.");
        }

        var baseDirectory = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        var parts = baseDirectory.Split(Path.DirectorySeparatorChar);
        var tried = new List<string>();

        // Artifacts layout: .../bin/<ThisProject>/<pivot>
        for (var i = parts.Length - 2; i >= 1; i--)
        {
            if (parts[i - 1] == "bin")
            {
                var candidate = Path.Combine([string.Join(Path.DirectorySeparatorChar, parts[..i]), projectName, .. parts[(i + 1)..], fileName]);
                tried.Add(candidate);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        // Classic layout: repo/tests/<ThisProject>/bin/<Configuration>/<tfm>
        var binIndex = Array.LastIndexOf(parts, "bin");
        if (binIndex >= 2)
        {
            var repo = string.Join(Path.DirectorySeparatorChar, parts[..(binIndex - 2)]);
            var candidate = Path.Combine([repo, topFolder, projectName, "bin", .. parts[(binIndex + 1)..], fileName]);
            tried.Add(candidate);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"{fileName} was not found; build {projectName} with the tests (dotnet build/test of this project builds it). Looked in:\n  "
            + string.Join("\n  ", tried));
    }
}
