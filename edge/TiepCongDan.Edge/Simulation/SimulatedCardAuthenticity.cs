using TiepCongDan.Edge.Card.Authenticity;
using TiepCongDan.Edge.Card.Identity;

namespace TiepCongDan.Edge.Simulation;

/// <summary>
/// The authenticity every made-up card carries: never "valid". Until <see cref="CardAuthenticity.Status"/>
/// can say <see cref="CardAuthenticityStatus.Simulated"/> itself, it reads UnknownIssuer, and
/// <see cref="IsSimulated"/> (and <see cref="StatusOf"/>) tell the flow the card was made up, so the
/// register records "simulated" and never files a demo under a real citizen's trust.
/// </summary>
public static class SimulatedCardAuthenticity
{
    /// <summary>English reason for logs and technicians; no real chip gives it.</summary>
    public const string Reason = "Simulated card from the simulation console: no chip was read, nothing is proven.";

    public static CardAuthenticity Value { get; } = new(
        PassiveAuthenticationResult.UnknownIssuer(Reason),
        new ActiveAuthenticationResult(ActiveAuthenticationStatus.NotPresent, Reason),
        Simulated: true);

    /// <summary>True when the identity came from the simulated reader.</summary>
    public static bool IsSimulated(CitizenIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return identity.Authenticity == Value;
    }

    /// <summary>The identity's status, <see cref="CardAuthenticityStatus.Simulated"/> for a made-up card.</summary>
    public static CardAuthenticityStatus StatusOf(CitizenIdentity identity) =>
        IsSimulated(identity) ? CardAuthenticityStatus.Simulated : identity.Authenticity.Status;
}
