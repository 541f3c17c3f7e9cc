using System.Runtime.InteropServices;

namespace TiepCongDan.Pcsc.Interop;

/// <summary>
/// The pcsc-lite client library (libpcsclite.so.1, Debian libpcsclite1). On Linux its DWORD and LONG
/// are C <c>unsigned long</c>/<c>long</c>, 8 bytes on 64-bit (x64 and arm64), hence nuint/nint
/// throughout; SCARDCONTEXT and SCARDHANDLE are LONG. Checked against /usr/include/PCSC (libpcsclite-dev 1.9.9).
/// </summary>
internal static unsafe partial class PcscLite
{
    private const string Library = "libpcsclite.so.1";

    [LibraryImport(Library)]
    internal static partial nint SCardEstablishContext(nuint scope, nint reserved1, nint reserved2, out nint context);

    [LibraryImport(Library)]
    internal static partial nint SCardReleaseContext(nint context);

    [LibraryImport(Library)]
    internal static partial nint SCardIsValidContext(nint context);

    /// <summary>Multi-string (NUL-separated, double NUL at the end); <paramref name="readers"/> null asks for the length.</summary>
    [LibraryImport(Library)]
    internal static partial nint SCardListReaders(nint context, byte* groups, byte* readers, ref nuint readersLength);

    [LibraryImport(Library)]
    internal static partial nint SCardGetStatusChange(nint context, nuint timeoutMs, ScardReaderState* readerStates, nuint readerCount);

    [LibraryImport(Library)]
    internal static partial nint SCardCancel(nint context);

    [LibraryImport(Library)]
    internal static partial nint SCardConnect(nint context, byte* readerName, nuint shareMode, nuint preferredProtocols, out nint card, out nuint activeProtocol);

    [LibraryImport(Library)]
    internal static partial nint SCardReconnect(nint card, nuint shareMode, nuint preferredProtocols, nuint initialization, out nuint activeProtocol);

    [LibraryImport(Library)]
    internal static partial nint SCardDisconnect(nint card, nuint disposition);

    [LibraryImport(Library)]
    internal static partial nint SCardBeginTransaction(nint card);

    [LibraryImport(Library)]
    internal static partial nint SCardEndTransaction(nint card, nuint disposition);

    [LibraryImport(Library)]
    internal static partial nint SCardStatus(nint card, byte* readerName, ref nuint readerNameLength, out nuint state, out nuint protocol, byte* atr, ref nuint atrLength);

    [LibraryImport(Library)]
    internal static partial nint SCardTransmit(nint card, ScardIoRequest* sendPci, byte* sendBuffer, nuint sendLength, ScardIoRequest* receivePci, byte* receiveBuffer, ref nuint receiveLength);
}
