using System.Globalization;

namespace TiepCongDan.Edge.Media.Adaptation;

/// <summary>
/// The encoder settings adaptation moves between, best first. Validated: at least one rung,
/// strictly decreasing bitrate, even picture dimensions (what H.264 4:2:0 needs).
/// </summary>
public sealed class BitrateLadder
{
    private readonly LadderRung[] rungs;

    public BitrateLadder(IEnumerable<LadderRung> rungs)
    {
        ArgumentNullException.ThrowIfNull(rungs);
        this.rungs = [.. rungs];
        if (this.rungs.Length == 0)
        {
            throw new ArgumentException("Bitrate ladder: at least one rung is needed.", nameof(rungs));
        }

        for (var i = 0; i < this.rungs.Length; i++)
        {
            var rung = this.rungs[i] ?? throw new ArgumentException($"Bitrate ladder: rung {i + 1} is null.", nameof(rungs));
            if (rung.VideoKbps is < 50 or > 50_000)
            {
                throw new ArgumentException($"Bitrate ladder: rung {i + 1} ({rung.Name}) has {rung.VideoKbps} kbit/s; use 50-50000.", nameof(rungs));
            }

            if (rung.Width is < 16 or > 7680 || rung.Height is < 16 or > 4320 || rung.Width % 2 != 0 || rung.Height % 2 != 0)
            {
                throw new ArgumentException($"Bitrate ladder: rung {i + 1} ({rung.Name}) is {rung.Width}x{rung.Height}; width and height must be even and 16-7680 x 16-4320.", nameof(rungs));
            }

            if (i > 0 && rung.VideoKbps >= this.rungs[i - 1].VideoKbps)
            {
                throw new ArgumentException($"Bitrate ladder: rung {i + 1} ({rung.VideoKbps} kbit/s) must be below rung {i} ({this.rungs[i - 1].VideoKbps} kbit/s); list rungs from best to worst.", nameof(rungs));
            }
        }
    }

    /// <summary>720p at 2.5 and 1.5 Mbit/s, 540p at 1 Mbit/s, 480p at 600 kbit/s, 360p at 300 kbit/s.</summary>
    public static BitrateLadder Default { get; } = Parse("2500k@1280x720,1500k@1280x720,1000k@960x540,600k@854x480,300k@640x360");

    public int Count => rungs.Length;

    public IReadOnlyList<LadderRung> Rungs => rungs;

    public LadderRung this[int index] => rungs[index];

    /// <summary>Parses "2500k@1280x720,1500k@1280x720,..." (kbit/s, 'k' optional; best first).</summary>
    /// <exception cref="FormatException">A rung is malformed or the ladder breaks a rule; the message names the rung.</exception>
    public static BitrateLadder Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("Bitrate ladder is empty; expected e.g. \"2500k@1280x720,1000k@960x540\".");
        }

        var items = text.Split(',', StringSplitOptions.TrimEntries);
        var rungs = new List<LadderRung>(items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            rungs.Add(ParseRung(items[i], i + 1));
        }

        try
        {
            return new BitrateLadder(rungs);
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message.Split(" (Parameter", 2)[0], e);
        }
    }

    public override string ToString() => string.Join(',', rungs.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.VideoKbps}k@{r.Width}x{r.Height}")));

    private static LadderRung ParseRung(string item, int position)
    {
        var at = item.Split('@');
        var size = at.Length == 2 ? at[1].Split('x', 'X') : [];
        var kbpsText = at[0].EndsWith('k') || at[0].EndsWith('K') ? at[0][..^1] : at[0];
        if (at.Length != 2
            || size.Length != 2
            || !int.TryParse(kbpsText, NumberStyles.None, CultureInfo.InvariantCulture, out var kbps)
            || !int.TryParse(size[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(size[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height))
        {
            throw new FormatException($"Bitrate ladder rung {position} '{item}' is not of the form 1500k@1280x720.");
        }

        return new LadderRung(string.Create(CultureInfo.InvariantCulture, $"{height}p-{kbps}k"), width, height, kbps);
    }
}
