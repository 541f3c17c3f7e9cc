namespace TiepCongDan.Contracts.Commands;

/// <summary>A command's states as the hub's API and the kiosk's outcome name them.</summary>
public static class CommandStates
{
    /// <summary>Sent to the kiosk, no final answer yet.</summary>
    public const string Sent = "sent";
    public const string Done = "done";
    public const string Failed = "failed";
    /// <summary>The kiosk refused (a citizen is at the kiosk, or the command is not possible there).</summary>
    public const string Refused = "refused";
    /// <summary>No answer within the hub's timeout.</summary>
    public const string Timeout = "timeout";
    /// <summary>Kiosk only: a restart or reboot was acknowledged; the hub keeps "sent" until the kiosk's next birth.</summary>
    public const string Accepted = "accepted";

    /// <summary>The states a kiosk may report.</summary>
    public static bool IsKioskOutcome(string? state) => state is Done or Failed or Refused or Accepted;
}
