namespace TiepCongDan.Edge.Card.Authenticity;

/// <summary>What passive authentication concluded, with a reason a technician can act on.</summary>
public sealed record PassiveAuthenticationResult(PassiveAuthenticationStatus Status, string Reason)
{
    public bool IsValid => Status == PassiveAuthenticationStatus.Valid;

    public static PassiveAuthenticationResult Valid(string reason) => new(PassiveAuthenticationStatus.Valid, reason);

    public static PassiveAuthenticationResult Invalid(string reason) => new(PassiveAuthenticationStatus.Invalid, reason);

    public static PassiveAuthenticationResult UnknownIssuer(string reason) => new(PassiveAuthenticationStatus.UnknownIssuer, reason);
}
