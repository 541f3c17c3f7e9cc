using System.Globalization;
using TiepCongDan.Contracts.SelfTest;

namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// What one check found: its status, a sentence in Vietnamese and English, what to do when it is not
/// a pass, and the measured values. Built by the checks; the runner adds the id, name and duration.
/// </summary>
public sealed class SelfTestOutcome
{
    private readonly Dictionary<string, string> _measurements = new(StringComparer.Ordinal);

    private SelfTestOutcome(string status, string summary, string summaryEn, string advice, string adviceEn)
    {
        Status = status;
        Summary = summary;
        SummaryEn = summaryEn;
        Advice = advice;
        AdviceEn = adviceEn;
    }

    public string Status { get; }

    public string Summary { get; }

    public string SummaryEn { get; }

    public string Advice { get; }

    public string AdviceEn { get; }

    public IReadOnlyDictionary<string, string> Measurements => _measurements;

    public static SelfTestOutcome Pass(string summary, string summaryEn) => new(SelfTestStatus.Pass, summary, summaryEn, string.Empty, string.Empty);

    public static SelfTestOutcome Warn(string summary, string summaryEn, string advice, string adviceEn) => new(SelfTestStatus.Warn, summary, summaryEn, advice, adviceEn);

    public static SelfTestOutcome Fail(string summary, string summaryEn, string advice, string adviceEn) => new(SelfTestStatus.Fail, summary, summaryEn, advice, adviceEn);

    public static SelfTestOutcome Skip(string reason, string reasonEn) => new(SelfTestStatus.NotRun, reason, reasonEn, string.Empty, string.Empty);

    /// <summary>Adds a measured number (invariant culture, at most 3 decimals); returns this for chaining.</summary>
    public SelfTestOutcome With(string key, double value)
    {
        _measurements[key] = double.IsFinite(value) ? Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture) : "n/a";
        return this;
    }

    /// <summary>Adds a measured value given as text (a device name, a mode); returns this for chaining.</summary>
    public SelfTestOutcome With(string key, string value)
    {
        _measurements[key] = value;
        return this;
    }

    /// <summary>Adds every value of <paramref name="values"/> (those measured before the outcome was known).</summary>
    public SelfTestOutcome With(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (key, value) in values)
        {
            _measurements[key] = value;
        }

        return this;
    }
}
