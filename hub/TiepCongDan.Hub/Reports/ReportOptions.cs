namespace TiepCongDan.Hub.Reports;

/// <summary>
/// Section "Hub:Reports": when citizens are received, so availability is measured over the hours
/// that matter (a kiosk switched off at night is not "unavailable"). Times are Vietnamese local time.
/// </summary>
public sealed class ReportOptions
{
    public const string SectionName = "Hub:Reports";

    /// <summary>Reception hours of a day, e.g. "07:30-11:30,13:30-17:00" (local time).</summary>
    public string ReceptionHours { get; set; } = "07:30-11:30,13:30-17:00";

    /// <summary>Reception days: Mon..Sun, comma separated or a range ("Mon-Fri").</summary>
    public string ReceptionDays { get; set; } = "Mon-Fri";

    /// <summary>Offset of local time from UTC in hours (Việt Nam: 7, no daylight saving).</summary>
    public int UtcOffsetHours { get; set; } = 7;
}
