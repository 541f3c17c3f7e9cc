namespace TiepCongDan.Edge.Card.Identity;

/// <summary>The outcome of active authentication (ICAO 9303-11 §6.1): does the chip hold the private key of DG15?</summary>
public enum ActiveAuthenticationStatus
{
    /// <summary>The chip signed our random challenge with the key in DG15: it is not a copy.</summary>
    Valid,

    /// <summary>The chip's signature does not verify, or it refused to sign while DG15 says it can.</summary>
    Invalid,

    /// <summary>DG15 holds a key or signature scheme this reader does not verify.</summary>
    NotSupported,

    /// <summary>The card has no DG15: it does not offer active authentication.</summary>
    NotPresent,
}
