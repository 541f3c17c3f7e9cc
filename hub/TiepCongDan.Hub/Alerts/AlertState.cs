namespace TiepCongDan.Hub.Alerts;

/// <summary>Where an alert is: open (nobody has acknowledged it), acknowledged (still active), closed.</summary>
public static class AlertState
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Closed = "closed";

    /// <summary>Query value: open or acknowledged.</summary>
    public const string Active = "active";
}
