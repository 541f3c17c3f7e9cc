namespace TiepCongDan.Hub.Alerts;

/// <summary>
/// The evaluator's memory of one (kiosk, rule, subject): since when the condition holds or has
/// been clear without a break, its flips, and the alert it opened. Used by the evaluator's thread only.
/// </summary>
public sealed class AlertTracker(string province)
{
    public string Province { get; } = province;

    public bool? LastRaw { get; set; }

    public DateTimeOffset? HoldSince { get; set; }

    public DateTimeOffset? ClearSince { get; set; }

    public long? AlertId { get; set; }

    /// <summary>Flips of the condition since the alert opened (or since tracking began while none is open).</summary>
    public int Flaps { get; set; }

    public double? LastValue { get; set; }

    /// <summary>What the store last has for the open alert, to write only changes.</summary>
    public (double? Value, int Flaps) Stored { get; set; }
}
