namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// Finds a sine tone in mono 16-bit PCM with the Goertzel algorithm over 100 ms windows: a window
/// holds the tone when the tone carries at least half its energy and is louder than
/// <see cref="MinToneDb"/>. Levels are RMS in dBFS.
/// </summary>
public static class ToneDetector
{
    public const double MinToneDb = -50;
    public const double SilenceDb = -60;

    public static ToneAnalysis Analyze(ReadOnlySpan<short> samples, int sampleRate, double toneHz)
    {
        var window = sampleRate / 10;
        var toneDb = double.NegativeInfinity;
        var loudestDb = double.NegativeInfinity;
        var toneWindows = 0;
        var bestStart = -1;
        for (var start = 0; start + window <= samples.Length; start += window)
        {
            var part = samples.Slice(start, window);
            var total = Rms(part);
            var tone = ToneRms(part, sampleRate, toneHz);
            var totalDb = Db(total);
            var thisToneDb = Db(tone);
            loudestDb = Math.Max(loudestDb, totalDb);
            if (thisToneDb > toneDb)
            {
                toneDb = thisToneDb;
                bestStart = start;
            }

            if (thisToneDb >= MinToneDb && tone * tone >= 0.5 * total * total)
            {
                toneWindows++;
            }
        }

        var dominant = bestStart < 0 ? 0 : Dominant(samples.Slice(bestStart, window), sampleRate);
        return new ToneAnalysis(toneDb, loudestDb, dominant, toneWindows * 0.1);
    }

    /// <summary>The RMS (full scale 1.0) of the sine at <paramref name="hz"/> in the window.</summary>
    public static double ToneRms(ReadOnlySpan<short> window, int sampleRate, double hz)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * hz / sampleRate);
        double s1 = 0, s2 = 0;
        foreach (var sample in window)
        {
            var s0 = (sample / 32768.0) + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }

        var power = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
        var amplitude = 2 * Math.Sqrt(Math.Max(0, power)) / window.Length;
        return amplitude / Math.Sqrt(2);
    }

    private static double Dominant(ReadOnlySpan<short> window, int sampleRate)
    {
        var best = 0.0;
        var bestHz = 0.0;
        for (var hz = 100.0; hz <= Math.Min(4000, sampleRate / 2.0); hz += 10)
        {
            var rms = ToneRms(window, sampleRate, hz);
            if (rms > best)
            {
                best = rms;
                bestHz = hz;
            }
        }

        return bestHz;
    }

    private static double Rms(ReadOnlySpan<short> window)
    {
        double sum = 0;
        foreach (var sample in window)
        {
            var x = sample / 32768.0;
            sum += x * x;
        }

        return Math.Sqrt(sum / window.Length);
    }

    private static double Db(double rms) => rms <= 1e-9 ? -180 : 20 * Math.Log10(rms);
}
