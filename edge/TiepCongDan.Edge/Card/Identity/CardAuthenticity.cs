using TiepCongDan.Edge.Card.Authenticity;

namespace TiepCongDan.Edge.Card.Identity;

/// <summary>Passive authentication (the data is the issuer's) and active authentication (the chip is not a copy), combined.</summary>
public sealed record CardAuthenticity(PassiveAuthenticationResult Passive, ActiveAuthenticationResult Active, bool Simulated = false)
{
    /// <summary>A made-up card (the simulation console's) is Simulated whatever else it says; invalid wins over unknown issuer: an altered card must never pass as merely unrecognised.</summary>
    public CardAuthenticityStatus Status =>
        Simulated ? CardAuthenticityStatus.Simulated
        : Passive.Status == PassiveAuthenticationStatus.Invalid || Active.Status == ActiveAuthenticationStatus.Invalid
            ? CardAuthenticityStatus.Invalid
            : Passive.Status == PassiveAuthenticationStatus.UnknownIssuer
                ? CardAuthenticityStatus.UnknownIssuer
                : CardAuthenticityStatus.Valid;

    /// <summary>The reason to show: the failing check's, else the passive one's.</summary>
    public string Reason =>
        Active.Status == ActiveAuthenticationStatus.Invalid && Passive.Status != PassiveAuthenticationStatus.Invalid
            ? Active.Reason
            : Passive.Reason;
}
