namespace TiepCongDan.Contracts.Fleet;

/// <summary>
/// Health of the kiosk's button panel (staff button, rating buttons, status lights), metrics of the
/// button-panel device. Counters count since the service started.
/// </summary>
public static class ButtonPanelMetrics
{
    /// <summary>String: the board's pin map name, e.g. "raspberry-pi-4" or "simulated".</summary>
    public const string Board = "Button Panel/Board";
    /// <summary>String: the stuck buttons' keys ("staff", "verySatisfied", ...) separated by commas; empty when none.</summary>
    public const string StuckButtons = "Button Panel/Stuck Buttons";
    /// <summary>UInt64: debounced presses of all buttons.</summary>
    public const string Presses = "Button Panel/Presses";
    /// <summary>UInt64: long presses (the staff's "end session").</summary>
    public const string LongPresses = "Button Panel/Long Presses";
    /// <summary>UInt64: contact chatter edges swallowed by debouncing; a count that climbs fast means a worn switch.</summary>
    public const string BounceEdges = "Button Panel/Bounce Edges";
    /// <summary>String: the status light's pattern, e.g. "idle", "live", "error".</summary>
    public const string StatusLight = "Button Panel/Status Light";
}
