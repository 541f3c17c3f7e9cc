namespace TiepCongDan.Edge.Card.Reading;

/// <summary>Why a card read failed; each has its own staff message and its own exit code in `tcd-edge card read`.</summary>
public enum CardReadFailure
{
    /// <summary>No reason given (the exception was built with a standard constructor).</summary>
    Unspecified,

    /// <summary>The card refused the key: the MRZ, QR or CAN input is wrong (or belongs to another card).</summary>
    WrongKey,

    /// <summary>The card left the reader during the read; nothing was kept.</summary>
    CardRemoved,

    /// <summary>No reader is connected, or pcscd is not running.</summary>
    NoReader,

    /// <summary>The reader has no card (within the wait).</summary>
    NoCard,

    /// <summary>The card offers no access protocol the key can run (e.g. a CAN for a card without PACE).</summary>
    AccessNotPossible,

    /// <summary>The card or reader stopped answering in time.</summary>
    Timeout,

    /// <summary>The card broke the protocol or its data is malformed (damaged chip, not a CCCD).</summary>
    CardError,
}
