using System.Globalization;

namespace TiepCongDan.Benchmarks;

/// <summary>"--name value" pairs after the subcommand; unknown names are an error so typos do not pass silently.</summary>
public sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public BenchArguments(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    _values[pending] = "true";
                }

                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    _values[arg[2..eq]] = arg[(eq + 1)..];
                    pending = null;
                }
                else
                {
                    pending = arg[2..];
                }
            }
            else if (pending is not null)
            {
                _values[pending] = arg;
                pending = null;
            }
            else
            {
                throw new ArgumentException($"unexpected argument '{arg}'");
            }
        }

        if (pending is not null)
        {
            _values[pending] = "true";
        }
    }

    public int Int(string name, int fallback)
    {
        _used.Add(name);
        return _values.TryGetValue(name, out var text)
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new ArgumentException($"--{name} must be a positive whole number, not '{text}'")
            : fallback;
    }

    public string Text(string name, string fallback)
    {
        _used.Add(name);
        return _values.GetValueOrDefault(name, fallback);
    }

    /// <summary>Throws when an option was given that the benchmark never asked for.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException("unknown option(s): " + string.Join(", ", unknown.Select(u => "--" + u)));
        }
    }
}
