namespace TiepCongDan.Edge.Card.Authenticity;

/// <summary>The three outcomes of passive authentication (ICAO 9303-11 §5.1).</summary>
public enum PassiveAuthenticationStatus
{
    /// <summary>Every data group matches, the signature holds and the signer chains to a trusted CSCA.</summary>
    Valid,

    /// <summary>Something was altered or is out of date: see the reason.</summary>
    Invalid,

    /// <summary>The data is consistent and signed, but no CSCA in the trust store issued the document signer.</summary>
    UnknownIssuer,
}
