namespace TiepCongDan.Edge.Tests.FirmwareConfig;

/// <summary>A systemd unit or drop-in read as sections of (key, value) pairs; continuation lines joined.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class UnitFile
{
    private readonly List<(string Section, string Key, string Value)> _entries = [];

    public UnitFile(string text)
    {
        var section = "";
        var pending = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = pending + raw.TrimEnd();
            pending = "";
            if (line.EndsWith('\\'))
            {
                pending = line[..^1] + " ";
                continue;
            }

            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith(';'))
            {
                continue;
            }

            if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
            {
                section = trimmed[1..^1];
                continue;
            }

            var eq = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"not a key=value line: {trimmed}");
            }

            _entries.Add((section, trimmed[..eq].Trim(), trimmed[(eq + 1)..].Trim()));
        }
    }

    public static UnitFile Load(string relative) => new(FirmwareFiles.Read(relative));

    public IEnumerable<string> Sections => _entries.Select(e => e.Section).Distinct();

    public IEnumerable<(string Section, string Key, string Value)> Entries => _entries;

    public IReadOnlyList<string> All(string section, string key) =>
        _entries.Where(e => e.Section == section && e.Key == key).Select(e => e.Value).ToList();

    public string? Last(string section, string key)
    {
        var all = All(section, key);
        return all.Count == 0 ? null : all[^1];
    }
}
