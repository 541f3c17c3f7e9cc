namespace TiepCongDan.Edge.Options;

/// <summary>What remote Node Control commands may do on this kiosk (section "Edge:NodeControl").</summary>
public sealed class EdgeNodeControlOptions
{
    /// <summary>When false (default), "Node Control/Reboot" is logged and refused instead of running systemctl reboot.</summary>
    public bool AllowReboot { get; set; }
}
