namespace TiepCongDan.Hub.Commands;

/// <summary>
/// One API command word: the Node Control metric it writes, whether it needs "confirm": true
/// (it interrupts the kiosk), whether it captures personal data (only when no citizen is at the
/// kiosk), and whether it may take long (the slow timeout).
/// </summary>
public sealed record RemoteCommandKind(string Word, string Metric, bool Disruptive = false, bool Private = false, bool Slow = false)
{
    /// <summary>restart-service and reboot: "done" when the kiosk is born again.</summary>
    public bool Restarts => Word is "restart-service" or "reboot";
}
