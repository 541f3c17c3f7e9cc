namespace TiepCongDan.Contracts.Fleet;

/// <summary>
/// Health of the chip ID card reader, metrics of the card-reader device. Counters count since the
/// service started; no metric ever carries a citizen's data.
/// </summary>
public static class CardMetrics
{
    /// <summary>Boolean: a PC/SC reader (matching Edge:Card:ReaderName when set) is connected and pcscd runs.</summary>
    public const string ReaderPresent = "Card Reader/Reader Present";
    /// <summary>String: the PC/SC name of that reader, empty when none.</summary>
    public const string ReaderName = "Card Reader/Reader Name";
    /// <summary>Boolean: a card lies on the reader.</summary>
    public const string CardPresent = "Card Reader/Card Present";
    /// <summary>String: UTC time (ISO 8601) of the last successful read, empty before the first.</summary>
    public const string LastReadOkAt = "Card Reader/Last Read OK";
    /// <summary>UInt64: reads that ended in an identity record.</summary>
    public const string ReadsOk = "Card Reader/Reads OK";
    /// <summary>UInt64: reads that failed, whatever the reason (the counters below are subsets).</summary>
    public const string ReadErrors = "Card Reader/Read Errors";
    /// <summary>UInt64: reads the card refused because the MRZ, QR or CAN did not match it.</summary>
    public const string WrongKeyErrors = "Card Reader/Wrong Key Errors";
    /// <summary>UInt64: reads cut short because the card was pulled out.</summary>
    public const string CardRemovedErrors = "Card Reader/Card Removed Errors";
    /// <summary>UInt64: reads whose authenticity was invalid (altered data, broken signature, cloned chip).</summary>
    public const string AuthenticityFailures = "Card Reader/Authenticity Failures";
}
