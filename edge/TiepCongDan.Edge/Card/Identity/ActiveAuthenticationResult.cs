namespace TiepCongDan.Edge.Card.Identity;

/// <summary>What active authentication concluded, with a reason (English, for logs and technicians).</summary>
public sealed record ActiveAuthenticationResult(ActiveAuthenticationStatus Status, string Reason)
{
    public static ActiveAuthenticationResult NotPresent { get; } =
        new(ActiveAuthenticationStatus.NotPresent, "The card has no DG15, so it offers no active authentication.");
}
