namespace TiepCongDan.Edge.Update;

/// <summary>Section "Edge:Update": where releases live and when the running edge confirms an update.</summary>
public sealed class UpdateOptions
{
    public const string SectionName = "Edge:Update";

    /// <summary>False: the confirmer does nothing (development machines, the fleet simulator).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The file system root the release layout is under ("/" on a kiosk).</summary>
    public string Root { get; set; } = "/";

    /// <summary>Seconds the node must have been online towards the hub, without a break, before it confirms.</summary>
    public int ConfirmAfterSeconds { get; set; } = 60;

    /// <summary>How often the confirmer looks at the node's state.</summary>
    public int CheckIntervalSeconds { get; set; } = 5;
}
