namespace TiepCongDan.Pcsc;

/// <summary>What a PC/SC failure means for the caller: which ones a retry or the citizen can fix.</summary>
public enum PcscErrorKind
{
    /// <summary>Any failure not listed below; <see cref="PcscException.ErrorName"/> says which.</summary>
    Other,

    /// <summary>The card left the reader (or lost power or was reset) during the conversation: put it back and start again.</summary>
    CardRemoved,

    /// <summary>pcscd is not running or stopped: the service must be (re)started.</summary>
    NoService,

    /// <summary>The reader is not connected, unknown or unavailable.</summary>
    NoReader,

    /// <summary>The reader has no card.</summary>
    NoCard,

    /// <summary>The card or reader did not answer in time.</summary>
    Timeout,

    /// <summary>The wait was cancelled (SCardCancel, or the object was disposed).</summary>
    Cancelled,

    /// <summary>Another program holds the card.</summary>
    SharingViolation,
}
