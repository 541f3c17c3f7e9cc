using System.Text;
using TiepCongDan.Pcsc.Interop;

namespace TiepCongDan.Pcsc;

/// <summary>
/// A connected card (SCardConnect on a context of its own). <see cref="Transmit"/> exchanges one
/// APDU, following 61xx with GET RESPONSE and 6Cxx with a resend carrying the right Le.
/// <para>
/// Timeouts: SCardTransmit blocks with no timeout of its own and SCardCancel does not reach it, so
/// every exchange runs on this card's I/O thread while the caller waits at most the timeout. When
/// the wait ends first, the caller gets <see cref="PcscErrorKind.Timeout"/> and the handle becomes
/// unusable (the card may still answer the abandoned command, so nothing later could trust the
/// conversation); the native call stays blocked until the reader gives up or the card goes away,
/// and <see cref="Dispose"/> never waits for it: the I/O thread disconnects and releases the
/// context itself when the call returns. Connect again for a retry.
/// </para>
/// Not thread-safe for exchanges: a card session is one conversation.
/// </summary>
public sealed class PcscCard : IDisposable
{
    // pcsc-lite's MAX_BUFFER_SIZE_EXTENDED: an extended APDU's data, header and Le.
    private const int MaxResponseLength = 4 + 3 + 65536 + 3;

    private readonly nint _context;
    private readonly nint _handle;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Thread _ioThread;
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CardIoRequest? _current;
    private PcscException? _unusable;
    private bool _disposeRequested;
    private PcscDisposition _disposition = PcscDisposition.LeaveCard;

    private PcscCard(nint context, nint handle, string readerName, PcscProtocol protocol, byte[] atr)
    {
        _context = context;
        _handle = handle;
        ReaderName = readerName;
        Protocol = protocol;
        Atr = atr;
        _ioThread = new Thread(RunIo) { IsBackground = true, Name = "pcsc-card-io" };
        _ioThread.Start();
    }

    public string ReaderName { get; }

    /// <summary>The card's answer to reset as pcscd reported it at connect time.</summary>
    public byte[] Atr { get; }

    public PcscProtocol Protocol { get; }

    /// <summary>
    /// Completes when pcscd has been told to let the card go (SCardDisconnect). After a timeout that
    /// is only once the abandoned native call returns: until then the reader is still held
    /// (a new exclusive Connect gets SharingViolation), so wait for this before reconnecting.
    /// </summary>
    public Task Released => _released.Task;

    /// <summary>How many raw exchanges (SCardTransmit calls) this card has made, GET RESPONSE and resends included.</summary>
    public int RawExchangeCount { get; private set; }

    internal static unsafe PcscCard Open(string readerName, PcscShareMode mode)
    {
        var context = NativeContext.Establish();
        try
        {
            var name = Encoding.UTF8.GetBytes(readerName + "\0");
            nint handle;
            nuint active;
            var protocols = mode == PcscShareMode.Direct ? 0 : ScardConstants.ProtocolT0 | ScardConstants.ProtocolT1;
            fixed (byte* reader = name)
            {
                var code = PcscLite.SCardConnect(context, reader, (nuint)mode, protocols, out handle, out active);
                if (PcscErrors.Normalize(code) != PcscErrors.Success)
                {
                    throw new PcscException($"Connecting to the card on '{readerName}'", PcscErrors.Normalize(code));
                }
            }

            try
            {
                return new PcscCard(context, handle, readerName, (PcscProtocol)(int)active, ReadAtr(handle));
            }
            catch
            {
                _ = PcscLite.SCardDisconnect(handle, (nuint)PcscDisposition.LeaveCard);
                throw;
            }
        }
        catch
        {
            NativeContext.Release(context);
            throw;
        }
    }

    /// <summary>
    /// Sends a command APDU and returns the whole response (data, SW1 SW2). 61xx answers are
    /// completed with GET RESPONSE (data concatenated, the last status kept) and a 6Cxx answer
    /// makes one resend with Le = xx; each raw exchange may take up to <paramref name="timeout"/>.
    /// </summary>
    /// <exception cref="PcscException">Kind CardRemoved, Timeout, NoService, ...; after CardRemoved, Timeout or NoService the handle is unusable.</exception>
    public byte[] Transmit(ReadOnlySpan<byte> commandApdu, TimeSpan timeout)
    {
        if (commandApdu.Length < 4)
        {
            throw new ArgumentException("A command APDU has at least 4 bytes (CLA INS P1 P2).", nameof(commandApdu));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var command = commandApdu.ToArray();
        var response = Exchange(command, timeout);
        if (response[^2] == 0x6C)
        {
            response = Exchange(WithLe(command, response[^1]), timeout);
        }

        if (response[^2] != 0x61)
        {
            return response;
        }

        using var data = new MemoryStream();
        while (response[^2] == 0x61)
        {
            data.Write(response, 0, response.Length - 2);
            if (data.Length > ushort.MaxValue)
            {
                // A card that keeps saying "more data" must not keep the kiosk reading forever.
                throw new PcscException(PcscErrorKind.Other, "RESPONSE_TOO_LONG", $"The card on '{ReaderName}' kept answering 61xx past 64 KB of response data.");
            }

            response = Exchange([(byte)(command[0] & 0x03), 0xC0, 0x00, 0x00, response[^1]], timeout);
        }

        data.Write(response);
        return data.ToArray();
    }

    /// <summary>Ends the connection telling the reader what to do with the card; same as Dispose otherwise.</summary>
    public void Disconnect(PcscDisposition disposition = PcscDisposition.LeaveCard)
    {
        lock (_gate)
        {
            _disposition = disposition;
        }

        Dispose();
    }

    public void Dispose()
    {
        bool inFlight;
        lock (_gate)
        {
            if (_disposeRequested)
            {
                return;
            }

            _disposeRequested = true;
            inFlight = _current is not null;
        }

        // Wakes the I/O thread: idle, it exits and we release here; busy, it releases when the native call returns.
        _wake.Release();
        if (!inFlight)
        {
            _ioThread.Join();
            ReleaseNative();
        }
    }

    private static byte[] WithLe(byte[] command, byte le)
    {
        // Case 1 (header only) and case 3 (Lc, data) gain an Le; case 2 and 4 have theirs replaced.
        if (command.Length == 4 || (command.Length > 5 && command.Length == 5 + command[4]))
        {
            return [.. command, le];
        }

        var resent = (byte[])command.Clone();
        resent[^1] = le;
        return resent;
    }

    private static unsafe byte[] ReadAtr(nint handle)
    {
        var atr = new byte[ScardReaderState.MaxAtrSize];
        nuint atrLength = (nuint)atr.Length;
        nuint nameLength = 0;
        fixed (byte* atrBuffer = atr)
        {
            // pcsc-lite accepts a null name buffer with length 0 and still fills the ATR.
            PcscException.ThrowIfFailed(PcscLite.SCardStatus(handle, null, ref nameLength, out _, out _, atrBuffer, ref atrLength), "SCardStatus");
        }

        return atr[..(int)atrLength];
    }

    private byte[] Exchange(byte[] command, TimeSpan timeout)
    {
        // Disposed only once answered: after a timeout the I/O thread still owns it.
        var request = new CardIoRequest(command);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposeRequested, this);
            if (_unusable is not null)
            {
                throw new PcscException(_unusable.Kind, _unusable.ErrorName, $"The card connection on '{ReaderName}' is unusable after an earlier failure ({_unusable.Message}); connect again.");
            }

            _current = request;
            RawExchangeCount++;
        }

        _wake.Release();
        if (!request.Done.Wait(timeout))
        {
            lock (_gate)
            {
                if (!request.Done.IsSet)
                {
                    _unusable = new PcscException(PcscErrorKind.Timeout, "SCARD_E_TIMEOUT", $"The card on '{ReaderName}' did not answer within {timeout.TotalSeconds:0.###} s; the connection was abandoned. Take the card off, place it again and retry.");
                    throw _unusable;
                }
            }
        }

        request.Dispose();
        if (request.Error is { } error)
        {
            if (error.Kind is PcscErrorKind.CardRemoved or PcscErrorKind.NoService or PcscErrorKind.NoReader)
            {
                lock (_gate)
                {
                    _unusable ??= error;
                }
            }

            throw error;
        }

        return request.Response!;
    }

    private unsafe void RunIo()
    {
        var receive = new byte[MaxResponseLength];
        var sendPci = new ScardIoRequest { Protocol = (nuint)(int)Protocol, PciLength = (nuint)sizeof(ScardIoRequest) };
        while (true)
        {
            _wake.Wait();
            CardIoRequest? request;
            lock (_gate)
            {
                request = _current;
                if (request is null && _disposeRequested)
                {
                    return;
                }
            }

            if (request is null)
            {
                continue;
            }

            nuint length = (nuint)receive.Length;
            nint code;
            fixed (byte* send = request.Command)
            fixed (byte* received = receive)
            {
                code = PcscLite.SCardTransmit(_handle, &sendPci, send, (nuint)request.Command.Length, null, received, ref length);
            }

            var normalized = PcscErrors.Normalize(code);
            if (normalized == PcscErrors.Success && length >= 2)
            {
                request.Response = receive[..(int)length];
            }
            else if (normalized == PcscErrors.Success)
            {
                // vpcd answers a command whose card went away with an empty response.
                request.Error = DiagnoseFailure(new PcscException(PcscErrorKind.Other, "EMPTY_RESPONSE", $"The card on '{ReaderName}' answered {length} bytes; a response APDU has at least SW1 SW2."), "an empty answer");
            }
            else
            {
                request.Error = DiagnoseFailure(new PcscException($"Sending a command to the card on '{ReaderName}'", normalized), PcscErrors.NameOf(normalized));
            }

            bool releaseHere;
            lock (_gate)
            {

                _current = null;
                releaseHere = _disposeRequested;
                request.Done.Set();
            }

            if (releaseHere)
            {
                ReleaseNative();
                return;
            }
        }
    }

    /// <summary>
    /// A card pulled out mid-command often surfaces as a transfer error (vpcd and many drivers give
    /// SCARD_E_NOT_TRANSACTED) and only pcscd's next presence poll makes it "removed". Asking the
    /// handle's status for a moment turns that into CardRemoved, so callers can say "put the card back".
    /// Runs on the I/O thread (outside the lock: SCardStatus is a native call).
    /// </summary>
    private unsafe PcscException DiagnoseFailure(PcscException failure, string symptom)
    {
        lock (_gate)
        {
            // Nobody waits for an abandoned or disposed exchange: release the card at once instead.
            if (failure.Kind != PcscErrorKind.Other || _disposeRequested || _unusable is not null)
            {
                return failure;
            }
        }

        for (var probe = 0; probe < 10; probe++)
        {
            nuint nameLength = 0;
            nuint atrLength = 0;
            var status = PcscErrors.Normalize(PcscLite.SCardStatus(_handle, null, ref nameLength, out var state, out _, null, ref atrLength));
            var kind = PcscErrors.KindOf(status);
            if (kind is PcscErrorKind.CardRemoved or PcscErrorKind.NoCard || (status == PcscErrors.Success && (state & ScardConstants.StatusPresent) == 0))
            {
                return new PcscException(
                    PcscErrorKind.CardRemoved,
                    PcscErrors.NameOf(PcscErrors.RemovedCard),
                    $"The card on '{ReaderName}' was taken off the reader during a command ({symptom}, then {PcscErrors.NameOf(status)}); place it again and keep it still.");
            }

            if (status != PcscErrors.Success)
            {
                return failure;
            }

            Thread.Sleep(150);
        }

        return failure;
    }

    private void ReleaseNative()
    {
        PcscDisposition disposition;
        lock (_gate)
        {
            disposition = _disposition;
        }

        _ = PcscLite.SCardDisconnect(_handle, (nuint)disposition);
        NativeContext.Release(_context);
        _released.TrySetResult();
    }
}
