using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.Pcsc.Interop;

namespace TiepCongDan.Pcsc;

/// <summary>
/// Watches readers and cards on its own thread with SCardGetStatusChange over every reader plus
/// <c>\\?PnP?\Notification</c>, feeding each call the event states of the previous one so it
/// blocks until something really changes (UNAWARE in a loop would return at once, forever).
/// Emits <see cref="PcscReaderEvent"/>s on <see cref="Events"/>: the current readers and cards
/// first, then every change. When pcscd goes away it emits ServiceLost (and the readers as
/// removed), reconnects with a doubling back-off timed by the injected <see cref="TimeProvider"/>,
/// then emits ServiceRestored and the readers it finds. Dispose cancels the wait and joins the thread.
/// </summary>
public sealed class PcscReaderMonitor : IDisposable
{
    // pcsc-lite refuses more than PCSCLITE_MAX_READERS_CONTEXTS (16) states per call with SCARD_E_INVALID_PARAMETER; one is the PnP pseudo reader.
    private const int MaxWatched = 16;

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PcscReaderMonitorOptions _options;
    private readonly Channel<PcscReaderEvent> _events = Channel.CreateUnbounded<PcscReaderEvent>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Thread _thread;
    private readonly Dictionary<string, PcscReaderStatus> _known = new(StringComparer.Ordinal);
    private PcscReaderStatus[] _snapshot = [];
    private nint _context;
    private long _statusChangeReturns;
    private bool _serviceLost;

    public PcscReaderMonitor(TimeProvider? timeProvider = null, ILogger<PcscReaderMonitor>? logger = null, PcscReaderMonitorOptions? options = null)
    {
        _options = options ?? new PcscReaderMonitorOptions();
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _thread = new Thread(Run) { IsBackground = true, Name = "pcsc-reader-monitor" };
        _thread.Start();
    }

    /// <summary>Reader and card changes, in order. Completed when the monitor is disposed.</summary>
    public ChannelReader<PcscReaderEvent> Events => _events.Reader;

    /// <summary>The readers as last seen (thread-safe snapshot).</summary>
    public IReadOnlyList<PcscReaderStatus> Readers => Volatile.Read(ref _snapshot);

    /// <summary>How many times SCardGetStatusChange has returned: stays small while nothing changes (proves there is no busy loop).</summary>
    public long StatusChangeReturns => Interlocked.Read(ref _statusChangeReturns);

    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        _stop.Cancel();
        // A cancel sent just before the thread enters SCardGetStatusChange is lost, so repeat it until the thread is gone.
        // A pcscd that hangs (stopped, not dead) can hold the thread in a call no cancel reaches: give up after a while,
        // the thread is a background one.
        var joined = false;
        for (var attempt = 0; !(joined = _thread.Join(TimeSpan.FromMilliseconds(200))); attempt++)
        {
            if (attempt == 50)
            {
                PcscLog.MonitorStuck(_logger);
                break;
            }

            lock (_gate)
            {
                if (_context != 0)
                {
                    _ = PcscLite.SCardCancel(_context);
                }
            }
        }

        _events.Writer.TryComplete();
        if (joined)
        {
            // A thread left behind still reads the token.
            _stop.Dispose();
        }
    }

    private void Run()
    {
        try
        {
            Loop();
        }
        catch (Exception e)
        {
            // A bug here must reach the reader of Events, not kill the process from a background thread.
            PcscLog.MonitorFailed(_logger, e);
            _events.Writer.TryComplete(e);
        }
    }

    private void Loop()
    {
        var delay = _options.InitialRetryDelay;
        while (!_stop.IsCancellationRequested)
        {
            nint context;
            try
            {
                context = NativeContext.Establish();
            }
            catch (PcscException e)
            {
                // NO_SERVICE while pcscd is down; a daemon half-way through starting can answer other errors.
                MarkServiceLost(e.ErrorName, delay);
                if (!Sleep(delay))
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
                continue;
            }

            lock (_gate)
            {
                _context = context;
            }

            try
            {
                if (_serviceLost)
                {
                    _serviceLost = false;
                    PcscLog.ServiceRestored(_logger);
                    Emit(PcscReaderEventKind.ServiceRestored, "", null);
                }

                delay = _options.InitialRetryDelay;
                Watch(context);
            }
            catch (PcscException e) when (e.Kind == PcscErrorKind.NoService)
            {
                MarkServiceLost(e.ErrorName, delay);
            }
            catch (PcscException e)
            {
                // Listing failed for another reason: start over on a fresh context, never at full speed.
                PcscLog.StatusChangeFailed(_logger, e.ErrorName);
                if (!Sleep(delay))
                {
                    return;
                }
            }
            finally
            {
                lock (_gate)
                {
                    _context = 0;
                }

                NativeContext.Release(context);
            }
        }
    }

    /// <summary>Watches until pcscd is gone (returns) or the monitor stops.</summary>
    private unsafe void Watch(nint context)
    {
        var watched = new List<(string Name, nuint State)> { (ScardConstants.PnpNotification, ScardConstants.StateUnaware) };
        Resync(context, watched);
        while (!_stop.IsCancellationRequested)
        {
            var names = watched.Select(w => Marshal.StringToCoTaskMemUTF8(w.Name)).ToArray();
            var states = new ScardReaderState[watched.Count];
            try
            {
                for (var i = 0; i < states.Length; i++)
                {
                    states[i].Reader = (byte*)names[i];
                    states[i].CurrentState = watched[i].State;
                }

                long code;
                fixed (ScardReaderState* first = states)
                {
                    code = PcscErrors.Normalize(PcscLite.SCardGetStatusChange(context, ScardConstants.Infinite, first, (nuint)states.Length));
                }

                Interlocked.Increment(ref _statusChangeReturns);
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                if (code is PcscErrors.Cancelled or PcscErrors.Timeout)
                {
                    continue;
                }

                if (PcscErrors.IsServiceGone(code))
                {
                    MarkServiceLost(PcscErrors.NameOf(code), _options.InitialRetryDelay);
                    return;
                }

                if (code != PcscErrors.Success)
                {
                    // A reader unplugged between listing and waiting (SCARD_E_UNKNOWN_READER): list again.
                    PcscLog.StatusChangeFailed(_logger, PcscErrors.NameOf(code));
                    // Never retry at full speed: an error that repeats would turn this thread into a busy loop.
                    if (!Sleep(_options.InitialRetryDelay))
                    {
                        return;
                    }

                    Resync(context, watched);
                    continue;
                }

                var relist = false;
                for (var i = 0; i < states.Length; i++)
                {
                    var eventState = states[i].EventState;
                    watched[i] = (watched[i].Name, eventState & ~ScardConstants.StateChanged);
                    if ((eventState & ScardConstants.StateChanged) == 0)
                    {
                        continue;
                    }

                    if (i == 0 || (eventState & (ScardConstants.StateUnknown | ScardConstants.StateIgnore)) != 0)
                    {
                        relist = true;
                        continue;
                    }

                    var status = NativeContext.ToStatus(watched[i].Name, ref states[i]);
                    UpdateCard(status.Name, status.CardPresent, status.Atr);
                }

                if (relist)
                {
                    Resync(context, watched);
                }
            }
            finally
            {
                foreach (var name in names)
                {
                    Marshal.FreeCoTaskMem(name);
                }
            }
        }
    }

    /// <summary>Lists the readers again: emits ReaderAdded/ReaderRemoved for the difference and watches the new list.</summary>
    private void Resync(nint context, List<(string Name, nuint State)> watched)
    {
        var readers = NativeContext.ListReaders(context);
        foreach (var gone in _known.Keys.Except(readers).ToList())
        {
            RemoveReader(gone);
        }

        var states = watched.Skip(1).ToDictionary(w => w.Name, w => w.State, StringComparer.Ordinal);
        watched.RemoveRange(1, watched.Count - 1);
        foreach (var reader in readers)
        {
            if (watched.Count == MaxWatched)
            {
                PcscLog.TooManyReaders(_logger, readers.Count, MaxWatched - 1);
                break;
            }

            if (!_known.ContainsKey(reader))
            {
                _known[reader] = new PcscReaderStatus(reader, false, null);
                PublishSnapshot();
                PcscLog.ReaderChanged(_logger, reader, "added");
                Emit(PcscReaderEventKind.ReaderAdded, reader, null);
            }

            // A new reader starts UNAWARE: the next wait returns at once with its card state.
            watched.Add((reader, states.GetValueOrDefault(reader, ScardConstants.StateUnaware)));
        }
    }

    private void UpdateCard(string reader, bool present, byte[]? atr)
    {
        if (!_known.TryGetValue(reader, out var known))
        {
            return;
        }

        if (known.CardPresent && present && atr is not null && known.Atr is not null && !atr.AsSpan().SequenceEqual(known.Atr))
        {
            // Swapped between two waits: report the removal of the first card.
            UpdateCard(reader, false, null);
        }
        else if (known.CardPresent == present)
        {
            return;
        }

        _known[reader] = new PcscReaderStatus(reader, present, atr);
        PublishSnapshot();
        Emit(present ? PcscReaderEventKind.CardInserted : PcscReaderEventKind.CardRemoved, reader, atr);
    }

    private void RemoveReader(string reader)
    {
        if (_known.TryGetValue(reader, out var known) && known.CardPresent)
        {
            Emit(PcscReaderEventKind.CardRemoved, reader, null);
        }

        _known.Remove(reader);
        PublishSnapshot();
        PcscLog.ReaderChanged(_logger, reader, "removed");
        Emit(PcscReaderEventKind.ReaderRemoved, reader, null);
    }

    private void MarkServiceLost(string reason, TimeSpan retryDelay)
    {
        if (_serviceLost)
        {
            return;
        }

        _serviceLost = true;
        PcscLog.ServiceLost(_logger, reason, (long)retryDelay.TotalMilliseconds);
        Emit(PcscReaderEventKind.ServiceLost, "", null);
        foreach (var reader in _known.Keys.ToList())
        {
            RemoveReader(reader);
        }
    }

    private bool Sleep(TimeSpan delay)
    {
        try
        {
            Task.Delay(delay, _time, _stop.Token).GetAwaiter().GetResult();
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void PublishSnapshot() => Volatile.Write(ref _snapshot, [.. _known.Values.OrderBy(r => r.Name, StringComparer.Ordinal)]);

    private void Emit(PcscReaderEventKind kind, string reader, byte[]? atr) => _events.Writer.TryWrite(new PcscReaderEvent(kind, reader, atr));
}
