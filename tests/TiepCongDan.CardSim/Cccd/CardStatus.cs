namespace TiepCongDan.CardSim.Cccd;

/// <summary>ISO/IEC 7816-4 status words the virtual card answers.</summary>
internal static class CardStatus
{
    public const ushort Success = 0x9000;
    public const ushort VerificationFailed = 0x6300;
    public const ushort WrongLength = 0x6700;
    public const ushort SecurityStatusNotSatisfied = 0x6982;
    public const ushort ConditionsNotSatisfied = 0x6985;
    public const ushort CommandNotAllowedNoEf = 0x6986;
    public const ushort SecureMessagingObjectsIncorrect = 0x6988;
    public const ushort FileNotFound = 0x6A82;
    public const ushort WrongParameters = 0x6A86;
    public const ushort OffsetOutsideFile = 0x6B00;
    public const ushort InstructionNotSupported = 0x6D00;
    public const ushort ClassNotSupported = 0x6E00;
}
