using TiepCongDan.Pcsc.Interop;

namespace TiepCongDan.Pcsc;

/// <summary>
/// A connection to pcscd (SCardEstablishContext): lists readers and connects to cards.
/// Each <see cref="PcscCard"/> gets a context of its own, so a card stuck in a transmit cannot
/// block listing or connecting here (pcsc-lite serializes the calls of one context).
/// Thread-safe: pcsc-lite locks per context.
/// </summary>
public sealed class PcscContext : IDisposable
{
    private readonly nint _context;
    private int _disposed;

    private PcscContext(nint context) => _context = context;

    /// <summary>Connects to pcscd (the one named by PCSCLITE_CSOCK_NAME, else the system's).</summary>
    /// <exception cref="PcscException">Kind NoService when pcscd is not running.</exception>
    public static PcscContext Establish() => new(NativeContext.Establish());

    /// <summary>True while pcscd still knows this context (false after pcscd restarted).</summary>
    public bool IsValid
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return PcscErrors.Normalize(PcscLite.SCardIsValidContext(_context)) == PcscErrors.Success;
        }
    }

    /// <summary>The connected readers' names; an empty list when none is connected.</summary>
    public IReadOnlyList<string> ListReaders()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return NativeContext.ListReaders(_context);
    }

    /// <summary>
    /// Which readers hold a card right now (with its ATR), without connecting to any: cheaper than a
    /// probing Connect and unaffected by another program holding a card. Empty when no reader is connected.
    /// </summary>
    public IReadOnlyList<PcscReaderStatus> GetReaderStatuses()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return NativeContext.GetStatuses(_context);
    }

    /// <summary>Connects to the card on <paramref name="readerName"/> (T=0 or T=1, whichever the card offers).</summary>
    /// <exception cref="PcscException">Kind NoCard, NoReader, SharingViolation or NoService.</exception>
    public PcscCard Connect(string readerName, PcscShareMode mode = PcscShareMode.Exclusive)
    {
        ArgumentException.ThrowIfNullOrEmpty(readerName);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return PcscCard.Open(readerName, mode);
    }

    /// <summary>Ends a blocking call on this context (SCardCancel); it fails with Kind Cancelled.</summary>
    public void Cancel()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        PcscException.ThrowIfFailed(PcscLite.SCardCancel(_context), "SCardCancel");
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            NativeContext.Release(_context);
        }
    }
}
