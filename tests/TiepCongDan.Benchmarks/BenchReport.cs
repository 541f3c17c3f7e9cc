using System.Globalization;
using System.Text.Json;

namespace TiepCongDan.Benchmarks;

/// <summary>
/// One benchmark's results: printed as an aligned table for people, then as one JSON line for
/// scripts, and written to artifacts/bench/{name}.json at the repository root.
/// </summary>
public sealed class BenchReport(string name)
{
    // Keys like "p50" and "publish -> registry" stay readable in the file.
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<(string Section, string Key, object Value, string Unit)> _rows = [];

    public string Name { get; } = name;

    public Dictionary<string, object> Parameters { get; } = [];

    public void Add(string section, string key, object value, string unit = "") => _rows.Add((section, key, value, unit));

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"== tcd-bench {Name} ({string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value}"))}) ==");
        var keyWidth = Math.Max(10, _rows.Select(r => r.Key.Length).DefaultIfEmpty(0).Max());
        foreach (var section in _rows.Select(r => r.Section).Distinct())
        {
            output.WriteLine($"[{section}]");
            foreach (var row in _rows.Where(r => r.Section == section))
            {
                output.WriteLine($"  {row.Key.PadRight(keyWidth)}  {Format(row.Value),12} {row.Unit}");
            }
        }

        output.WriteLine(ToJson());
    }

    public string ToJson()
    {
        var results = new Dictionary<string, Dictionary<string, object>>();
        foreach (var row in _rows)
        {
            if (!results.TryGetValue(row.Section, out var section))
            {
                results[row.Section] = section = [];
            }

            section[row.Key] = row.Value is double d && (double.IsNaN(d) || double.IsInfinity(d)) ? "n/a" : row.Value;
        }

        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["bench"] = Name,
            ["parameters"] = Parameters,
            ["results"] = results,
        }, JsonOptions);
    }

    /// <summary>Writes artifacts/bench/{name}.json under the repository root (or the working directory); returns the path.</summary>
    public string Save()
    {
        var root = TiepCongDan.EndToEnd.Tests.Fixtures.BuiltPrograms.RepositoryRoot() ?? Environment.CurrentDirectory;
        var folder = Path.Combine(root, "artifacts", "bench");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Name + ".json");
        File.WriteAllText(path, ToJson() + Environment.NewLine);
        return path;
    }

    private static string Format(object value) => value switch
    {
        double d when double.IsNaN(d) => "n/a",
        double d => d.ToString(Math.Abs(d) >= 100 ? "0.0" : "0.000", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
