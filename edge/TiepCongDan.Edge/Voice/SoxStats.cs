using System.Globalization;

namespace TiepCongDan.Edge.Voice;

/// <summary>Reads the lines of `sox FILE -n stats` (written to standard error).</summary>
public static class SoxStats
{
    /// <summary>The "RMS lev dB" value of the first (overall) column.</summary>
    /// <exception cref="VoiceToolFailedException">The line is missing or the audio is silent.</exception>
    public static double RmsDb(string stats) => Value(stats, "RMS lev dB");

    /// <summary>The "Length s" value.</summary>
    /// <exception cref="VoiceToolFailedException">The line is missing.</exception>
    public static double LengthSeconds(string stats) => Value(stats, "Length s");

    /// <summary>A numeric line of the stats output by its label.</summary>
    /// <exception cref="VoiceToolFailedException">The line is missing or not a finite number (e.g. -inf for silence).</exception>
    public static double Value(string stats, string label)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(label);
        foreach (var line in stats.Split('\n'))
        {
            var trimmed = line.Trim();
            if (!trimmed.StartsWith(label, StringComparison.Ordinal))
            {
                continue;
            }

            var first = trimmed[label.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                return value;
            }

            throw new VoiceToolFailedException($"sox stats: '{label}' is '{first}' (silent or unreadable audio).");
        }

        throw new VoiceToolFailedException($"sox stats has no '{label}' line.");
    }
}
