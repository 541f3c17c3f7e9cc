namespace TiepCongDan.Pcsc.Interop;

/// <summary>pcsc-lite constants (pcsclite.h) used by the binding.</summary>
internal static class ScardConstants
{
    public const nuint Infinite = 0xFFFFFFFF;

    public const nuint StateUnaware = 0x0000;
    public const nuint StateIgnore = 0x0001;
    public const nuint StateChanged = 0x0002;
    public const nuint StateUnknown = 0x0004;
    public const nuint StateUnavailable = 0x0008;
    public const nuint StateEmpty = 0x0010;
    public const nuint StatePresent = 0x0020;
    public const nuint StateMute = 0x0200;

    /// <summary>SCardStatus's dwState (not the SCARD_STATE_* flags): SCARD_PRESENT.</summary>
    public const nuint StatusPresent = 0x0004;

    public const nuint ProtocolT0 = 0x0001;
    public const nuint ProtocolT1 = 0x0002;
    public const nuint ProtocolRaw = 0x0004;

    /// <summary>The pseudo reader whose state changes when a reader is added or removed.</summary>
    public const string PnpNotification = @"\\?PnP?\Notification";
}
