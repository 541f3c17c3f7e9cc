using System.Globalization;

namespace TiepCongDan.Hub.Reports;

/// <summary>The reception hours of the week in local time (<see cref="ReportOptions"/>), and how much of a period they cover.</summary>
public sealed class ReceptionSchedule
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private readonly IReadOnlyList<(TimeSpan Start, TimeSpan End)> _hours;
    private readonly HashSet<DayOfWeek> _days;

    private ReceptionSchedule(IReadOnlyList<(TimeSpan, TimeSpan)> hours, HashSet<DayOfWeek> days, TimeSpan offset)
    {
        _hours = hours;
        _days = days;
        Offset = offset;
    }

    public TimeSpan Offset { get; }

    /// <exception cref="FormatException">The option's value and what is expected.</exception>
    public static ReceptionSchedule From(ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.UtcOffsetHours is < -12 or > 14)
        {
            throw new FormatException($"Hub:Reports:UtcOffsetHours is {options.UtcOffsetHours}: use -12 to 14 (Việt Nam: 7).");
        }

        var hours = new List<(TimeSpan, TimeSpan)>();
        foreach (var part in (options.ReceptionHours ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TimeSpan.TryParseExact(ends[0], "hh\\:mm", CultureInfo.InvariantCulture, out var start)
                || !TimeSpan.TryParseExact(ends[1], "hh\\:mm", CultureInfo.InvariantCulture, out var end) || end <= start)
            {
                throw new FormatException($"Hub:Reports:ReceptionHours '{options.ReceptionHours}': '{part}' is not a period like 07:30-11:30.");
            }

            hours.Add((start, end));
        }

        if (hours.Count == 0)
        {
            throw new FormatException("Hub:Reports:ReceptionHours is empty: give the reception periods, e.g. 07:30-11:30,13:30-17:00.");
        }

        var days = new HashSet<DayOfWeek>();
        foreach (var part in (options.ReceptionDays ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            var first = Array.IndexOf(DayNames, ends[0]);
            var last = ends.Length == 2 ? Array.IndexOf(DayNames, ends[1]) : first;
            if (ends.Length > 2 || first < 0 || last < 0)
            {
                throw new FormatException($"Hub:Reports:ReceptionDays '{options.ReceptionDays}': '{part}' is not a day (Mon, Tue, Wed, Thu, Fri, Sat, Sun) or a range like Mon-Fri.");
            }

            for (var d = first; ; d = (d + 1) % 7)
            {
                days.Add((DayOfWeek)d);
                if (d == last)
                {
                    break;
                }
            }
        }

        if (days.Count == 0)
        {
            throw new FormatException("Hub:Reports:ReceptionDays is empty: e.g. Mon-Fri.");
        }

        return new ReceptionSchedule(hours, days, TimeSpan.FromHours(options.UtcOffsetHours));
    }

    /// <summary>From the start of local day <paramref name="from"/> to the start of the day after <paramref name="to"/>.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Days(DateOnly from, DateOnly to) =>
        (new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), Offset), new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), Offset));

    /// <summary>True when <paramref name="at"/> falls in reception hours.</summary>
    public bool Contains(DateTimeOffset at)
    {
        var local = at.ToOffset(Offset);
        return _days.Contains(local.DayOfWeek) && _hours.Any(h => local.TimeOfDay >= h.Start && local.TimeOfDay < h.End);
    }

    /// <summary>How much of [<paramref name="from"/>, <paramref name="to"/>) is reception hours.</summary>
    public TimeSpan Within(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        var day = from.ToOffset(Offset).Date;
        var lastDay = to.ToOffset(Offset).Date;
        for (; day <= lastDay; day = day.AddDays(1))
        {
            if (!_days.Contains(day.DayOfWeek))
            {
                continue;
            }

            foreach (var (start, end) in _hours)
            {
                var s = new DateTimeOffset(day + start, Offset);
                var e = new DateTimeOffset(day + end, Offset);
                var overlap = (e < to ? e : to) - (s > from ? s : from);
                if (overlap > TimeSpan.Zero)
                {
                    total += overlap;
                }
            }
        }

        return total;
    }
}
