using System.Globalization;
using System.Text.RegularExpressions;

namespace TiepCongDan.Edge.Media.Encoders;

/// <summary>
/// Turns ffmpeg's stderr lines (-progress key=value blocks, freezedetect, silencedetect, astats
/// via ametadata print, [error] lines of -loglevel level+info) into <see cref="EncoderHealth"/>.
/// Thread-safe: <see cref="Observe"/> runs on the stderr reader while <see cref="Snapshot"/> is read from anywhere.
/// </summary>
public sealed partial class EncoderHealthTracker(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private EncoderHealth _health = EncoderHealth.Empty;

    public EncoderHealth Snapshot
    {
        get
        {
            lock (_gate)
            {
                return _health;
            }
        }
    }

    public void Observe(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            _health = Apply(_health, line);
        }
    }

    private EncoderHealth Apply(EncoderHealth h, string line)
    {
        var progress = ProgressLine().Match(line);
        if (progress.Success)
        {
            var value = progress.Groups["value"].Value.Trim();
            return progress.Groups["key"].Value switch
            {
                "frame" => h with { FramesOut = Long(value, h.FramesOut) },
                "fps" => h with { Fps = Double(value, h.Fps) },
                "drop_frames" => h with { DroppedFrames = Long(value, h.DroppedFrames) },
                "dup_frames" => h with { DuplicatedFrames = Long(value, h.DuplicatedFrames) },
                "bitrate" => h with { OutputKbps = Double(value.Replace("kbits/s", string.Empty, StringComparison.Ordinal), h.OutputKbps) },
                "speed" => h with { Speed = Double(value.TrimEnd('x'), h.Speed) },
                _ => h,
            };
        }

        var now = timeProvider.GetUtcNow();
        if (line.Contains("lavfi.freezedetect.freeze_start", StringComparison.Ordinal))
        {
            return h with { FrozenSince = h.FrozenSince ?? now };
        }

        if (line.Contains("lavfi.freezedetect.freeze_end", StringComparison.Ordinal))
        {
            return h with { FrozenSince = null };
        }

        if (line.Contains("silence_start:", StringComparison.Ordinal))
        {
            return h with { SilenceSince = h.SilenceSince ?? now };
        }

        if (line.Contains("silence_end:", StringComparison.Ordinal))
        {
            return h with { SilenceSince = null };
        }

        var rms = RmsLine().Match(line);
        if (rms.Success)
        {
            var text = rms.Groups[1].Value;
            var level = text.Equals("-inf", StringComparison.OrdinalIgnoreCase) ? double.NegativeInfinity : Double(text, double.NaN);
            return double.IsNaN(level) ? h : h with { AudioRmsDbfs = level };
        }

        if (line.Contains("[error]", StringComparison.Ordinal) || line.Contains("[fatal]", StringComparison.Ordinal))
        {
            return h with { LastErrorLine = line.Trim() };
        }

        return h;
    }

    private static long Long(string text, long fallback) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static double Double(string text, double fallback) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    [GeneratedRegex(@"^(?<key>frame|fps|drop_frames|dup_frames|bitrate|speed)=(?<value>.*)$")]
    private static partial Regex ProgressLine();

    [GeneratedRegex(@"lavfi\.astats\.Overall\.RMS_level=(\S+)")]
    private static partial Regex RmsLine();
}
