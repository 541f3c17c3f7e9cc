namespace TiepCongDan.Pcsc;

/// <summary>Every pcsc-lite return code (pcsclite.h 1.9.9) with its name, kind and a sentence for a technician.</summary>
internal static class PcscErrors
{
    public const long Success = 0;
    public const long Cancelled = 0x80100002;
    public const long InvalidHandle = 0x80100003;
    public const long InsufficientBuffer = 0x80100008;
    public const long Timeout = 0x8010000A;
    public const long NoSmartcard = 0x8010000C;
    public const long ReaderUnavailable = 0x80100017;
    public const long NoService = 0x8010001D;
    public const long ServiceStopped = 0x8010001E;
    public const long NoReadersAvailable = 0x8010002E;
    public const long CommError = 0x80100013;
    public const long RemovedCard = 0x80100069;

    private static readonly Dictionary<long, (string Name, PcscErrorKind Kind, string Text)> Table = new()
    {
        [0x80100001] = ("SCARD_F_INTERNAL_ERROR", PcscErrorKind.Other, "pcscd reports an internal consistency error"),
        [0x80100002] = ("SCARD_E_CANCELLED", PcscErrorKind.Cancelled, "the wait was cancelled"),
        [0x80100003] = ("SCARD_E_INVALID_HANDLE", PcscErrorKind.Other, "the context or card handle is no longer valid (pcscd may have restarted)"),
        [0x80100004] = ("SCARD_E_INVALID_PARAMETER", PcscErrorKind.Other, "pcscd could not interpret a parameter"),
        [0x80100005] = ("SCARD_E_INVALID_TARGET", PcscErrorKind.Other, "reader start-up information is missing or invalid"),
        [0x80100006] = ("SCARD_E_NO_MEMORY", PcscErrorKind.Other, "pcscd ran out of memory"),
        [0x80100007] = ("SCARD_F_WAITED_TOO_LONG", PcscErrorKind.Timeout, "an internal pcscd timer expired"),
        [0x80100008] = ("SCARD_E_INSUFFICIENT_BUFFER", PcscErrorKind.Other, "the answer did not fit the buffer"),
        [0x80100009] = ("SCARD_E_UNKNOWN_READER", PcscErrorKind.NoReader, "no reader by that name is connected; check the reader's cable and name"),
        [0x8010000A] = ("SCARD_E_TIMEOUT", PcscErrorKind.Timeout, "the reader or card did not answer in time"),
        [0x8010000B] = ("SCARD_E_SHARING_VIOLATION", PcscErrorKind.SharingViolation, "another program is using the card; close it and try again"),
        [0x8010000C] = ("SCARD_E_NO_SMARTCARD", PcscErrorKind.NoCard, "there is no card on the reader"),
        [0x8010000D] = ("SCARD_E_UNKNOWN_CARD", PcscErrorKind.Other, "the card is not recognized"),
        [0x8010000E] = ("SCARD_E_CANT_DISPOSE", PcscErrorKind.Other, "the card could not be released as asked"),
        [0x8010000F] = ("SCARD_E_PROTO_MISMATCH", PcscErrorKind.Other, "the card does not speak the requested protocol (T=0/T=1)"),
        [0x80100010] = ("SCARD_E_NOT_READY", PcscErrorKind.Other, "the reader or card is not ready"),
        [0x80100011] = ("SCARD_E_INVALID_VALUE", PcscErrorKind.Other, "pcscd could not interpret a parameter value"),
        [0x80100012] = ("SCARD_E_SYSTEM_CANCELLED", PcscErrorKind.Cancelled, "the system cancelled the action (shutting down?)"),
        [0x80100013] = ("SCARD_F_COMM_ERROR", PcscErrorKind.NoService, "the connection to pcscd broke"),
        [0x80100014] = ("SCARD_F_UNKNOWN_ERROR", PcscErrorKind.Other, "pcscd reports an unknown internal error"),
        [0x80100015] = ("SCARD_E_INVALID_ATR", PcscErrorKind.Other, "the card's ATR is invalid"),
        [0x80100016] = ("SCARD_E_NOT_TRANSACTED", PcscErrorKind.Other, "there is no transaction to end"),
        [0x80100017] = ("SCARD_E_READER_UNAVAILABLE", PcscErrorKind.NoReader, "the reader was unplugged or is unavailable; check its cable"),
        [0x80100018] = ("SCARD_P_SHUTDOWN", PcscErrorKind.NoService, "pcscd is shutting down"),
        [0x80100019] = ("SCARD_E_PCI_TOO_SMALL", PcscErrorKind.Other, "the PCI receive buffer was too small"),
        [0x8010001A] = ("SCARD_E_READER_UNSUPPORTED", PcscErrorKind.NoReader, "the reader's driver is not supported"),
        [0x8010001B] = ("SCARD_E_DUPLICATE_READER", PcscErrorKind.NoReader, "the reader driver did not produce a unique reader name"),
        [0x8010001C] = ("SCARD_E_CARD_UNSUPPORTED", PcscErrorKind.Other, "the card is not supported"),
        [0x8010001D] = ("SCARD_E_NO_SERVICE", PcscErrorKind.NoService, "pcscd (the smart card service) is not running; start it (Debian package pcscd)"),
        [0x8010001E] = ("SCARD_E_SERVICE_STOPPED", PcscErrorKind.NoService, "pcscd (the smart card service) stopped"),
        [0x8010001F] = ("SCARD_E_UNEXPECTED", PcscErrorKind.Other, "an unexpected card error occurred (or the feature is unsupported)"),
        [0x80100020] = ("SCARD_E_ICC_INSTALLATION", PcscErrorKind.Other, "no primary provider for the card"),
        [0x80100021] = ("SCARD_E_ICC_CREATEORDER", PcscErrorKind.Other, "the requested order of object creation is not supported"),
        [0x80100022] = ("SCARD_E_UNSUPPORTED_FEATURE", PcscErrorKind.Other, "the card or reader does not support this feature"),
        [0x80100023] = ("SCARD_E_DIR_NOT_FOUND", PcscErrorKind.Other, "the directory does not exist on the card"),
        [0x80100024] = ("SCARD_E_FILE_NOT_FOUND", PcscErrorKind.Other, "the file does not exist on the card"),
        [0x80100025] = ("SCARD_E_NO_DIR", PcscErrorKind.Other, "the path is not a directory on the card"),
        [0x80100026] = ("SCARD_E_NO_FILE", PcscErrorKind.Other, "the path is not a file on the card"),
        [0x80100027] = ("SCARD_E_NO_ACCESS", PcscErrorKind.Other, "access to the file is denied"),
        [0x80100028] = ("SCARD_E_WRITE_TOO_MANY", PcscErrorKind.Other, "the card is full"),
        [0x80100029] = ("SCARD_E_BAD_SEEK", PcscErrorKind.Other, "could not set the card's file pointer"),
        [0x8010002A] = ("SCARD_E_INVALID_CHV", PcscErrorKind.Other, "the PIN is incorrect"),
        [0x8010002B] = ("SCARD_E_UNKNOWN_RES_MNG", PcscErrorKind.Other, "a layered component returned an unknown error"),
        [0x8010002C] = ("SCARD_E_NO_SUCH_CERTIFICATE", PcscErrorKind.Other, "the certificate does not exist"),
        [0x8010002D] = ("SCARD_E_CERTIFICATE_UNAVAILABLE", PcscErrorKind.Other, "the certificate could not be obtained"),
        [0x8010002E] = ("SCARD_E_NO_READERS_AVAILABLE", PcscErrorKind.NoReader, "no card reader is connected"),
        [0x8010002F] = ("SCARD_E_COMM_DATA_LOST", PcscErrorKind.Other, "data to or from the card was lost; try again"),
        [0x80100030] = ("SCARD_E_NO_KEY_CONTAINER", PcscErrorKind.Other, "the key container does not exist"),
        [0x80100031] = ("SCARD_E_SERVER_TOO_BUSY", PcscErrorKind.Other, "pcscd is too busy"),
        [0x80100065] = ("SCARD_W_UNSUPPORTED_CARD", PcscErrorKind.Other, "the reader cannot talk to this card (ATR conflict)"),
        [0x80100066] = ("SCARD_W_UNRESPONSIVE_CARD", PcscErrorKind.Other, "the card does not answer a reset; place it again, flat on the reader"),
        [0x80100067] = ("SCARD_W_UNPOWERED_CARD", PcscErrorKind.CardRemoved, "the card lost power; place it again"),
        [0x80100068] = ("SCARD_W_RESET_CARD", PcscErrorKind.CardRemoved, "the card was reset; start the read again"),
        [0x80100069] = ("SCARD_W_REMOVED_CARD", PcscErrorKind.CardRemoved, "the card was taken off the reader; place it again and keep it still"),
        [0x8010006A] = ("SCARD_W_SECURITY_VIOLATION", PcscErrorKind.Other, "access denied by a security violation"),
        [0x8010006B] = ("SCARD_W_WRONG_CHV", PcscErrorKind.Other, "wrong PIN"),
        [0x8010006C] = ("SCARD_W_CHV_BLOCKED", PcscErrorKind.Other, "the PIN is blocked"),
        [0x8010006D] = ("SCARD_W_EOF", PcscErrorKind.Other, "end of the card file"),
        [0x8010006E] = ("SCARD_W_CANCELLED_BY_USER", PcscErrorKind.Cancelled, "cancelled by the user"),
        [0x8010006F] = ("SCARD_W_CARD_NOT_AUTHENTICATED", PcscErrorKind.Other, "no PIN was presented"),
    };

    /// <summary>Return codes are C long holding 0x801000xx; keep the low 32 bits so a sign-extended value reads the same.</summary>
    public static long Normalize(nint returnCode) => (long)returnCode & 0xFFFFFFFFL;

    public static string NameOf(long code) =>
        code == Success ? "SCARD_S_SUCCESS" : Table.TryGetValue(code, out var entry) ? entry.Name : $"0x{code:X8}";

    public static PcscErrorKind KindOf(long code) => Table.TryGetValue(code, out var entry) ? entry.Kind : PcscErrorKind.Other;

    public static string Describe(long code) => Table.TryGetValue(code, out var entry) ? entry.Text : "pcsc-lite returned an unknown code";

    public static bool IsServiceGone(long code) =>
        code is NoService or ServiceStopped or CommError or InvalidHandle or 0x80100018;
}
