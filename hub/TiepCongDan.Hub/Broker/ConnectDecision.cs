namespace TiepCongDan.Hub.Broker;

/// <summary>The outcome of a CONNECT check; <see cref="Reason"/> is a metric label when refused.</summary>
public sealed record ConnectDecision(bool Accepted, bool IsHub, string Reason)
{
    public static ConnectDecision Kiosk { get; } = new(true, false, "kiosk");

    public static ConnectDecision Hub { get; } = new(true, true, "hub");

    public static ConnectDecision Refuse(string reason) => new(false, false, reason);
}
