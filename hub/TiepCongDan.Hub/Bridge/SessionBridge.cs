using TiepCongDan.Hub.Ingest;

namespace TiepCongDan.Hub.Bridge;

/// <summary>
/// One live session's fan-out: what the ingest delivers is cut into messages once and offered to
/// every output (push and pull), plus the session's return path. <see cref="Offer"/> runs on the
/// ingest's receive thread and only copies and queues. Thread-safe.
/// </summary>
public sealed class SessionBridge : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<TsMessage> _scratch = [];
    private readonly Lock _scratchGate = new();
    private volatile BridgeOutput[] _outputs = [];
    private bool _disposed;

    public SessionBridge(LiveSessionInfo info, SessionReturn sessionReturn, TimeProvider time)
    {
        Info = info;
        Return = sessionReturn;
        _time = time;
    }

    public LiveSessionInfo Info { get; }

    public string SessionId => Info.SessionId;

    public SessionReturn Return { get; }

    public IReadOnlyList<OutputStatus> Outputs => [.. _outputs.Select(o => o.Status())];

    /// <summary>The ingest's packets for this session; never blocks.</summary>
    public void Offer(ReadOnlySpan<byte> packets)
    {
        var outputs = _outputs;
        lock (_scratchGate)
        {
            _scratch.Clear();
            TsMessageSplitter.Split(packets, _time.GetTimestamp(), _scratch);
            foreach (var message in _scratch)
            {
                foreach (var output in outputs)
                {
                    output.Offer(message);
                }
            }
        }
    }

    /// <summary>Adds an output; a pull output leaves by itself when its point hangs up.</summary>
    public void Add(BridgeOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        lock (_gate)
        {
            if (_disposed)
            {
                output.Dispose();
                return;
            }

            _outputs = [.. _outputs, output];
        }

        output.Closed += closed =>
        {
            lock (_gate)
            {
                _outputs = [.. _outputs.Where(o => o != closed)];
            }
        };
    }

    public void Dispose()
    {
        BridgeOutput[] outputs;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            outputs = _outputs;
            _outputs = [];
        }

        Parallel.ForEach(outputs, o => o.Dispose());
        Return.Dispose();
    }
}
