namespace TiepCongDan.Edge.Card.Identity;

/// <summary>One word for the whole authenticity result, what the register and the staff screen show.</summary>
public enum CardAuthenticityStatus
{
    /// <summary>Passive authentication valid, and active authentication valid or not offered.</summary>
    Valid,

    /// <summary>Data altered, signature broken, a chip that fails active authentication, or DG1 and DG13 disagree.</summary>
    Invalid,

    /// <summary>Consistent and signed, but the signer does not chain to a CSCA in the trust store (or none is configured).</summary>
    UnknownIssuer,

    /// <summary>A made-up card of the simulation console: nothing was read from a chip, nothing is proven.</summary>
    Simulated,
}
