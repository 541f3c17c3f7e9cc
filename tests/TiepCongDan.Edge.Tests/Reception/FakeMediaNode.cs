using TiepCongDan.Edge.Media;

namespace TiepCongDan.Edge.Tests.Reception;

/// <summary>
/// The media side as the flow sees it (the real media is covered end to end): a session id and an
/// uplink state a test sets, starts and stops counted, a start that can be refused and a stop that
/// can be held.
/// </summary>
internal sealed class FakeMediaNode : IMediaNode
{
    private readonly Lock _gate = new();
    private readonly List<string?> _starts = [];
    private MediaNodeStatus _status = MediaNodeStatus.Idle;
    private int _stops;

    /// <summary>True: the uplink is connected as soon as the session starts.</summary>
    public bool AutoConnect { get; set; } = true;

    public Exception? RefuseStart { get; set; }

    /// <summary>When set, a stop waits for it (a recording slow to close).</summary>
    public TaskCompletionSource? StopGate { get; set; }

    public IReadOnlyList<string?> Starts
    {
        get
        {
            lock (_gate)
            {
                return [.. _starts];
            }
        }
    }

    public int Stops => Volatile.Read(ref _stops);

    /// <summary>True: reading the status throws (a bug or a disposed media service).</summary>
    public bool BreakStatus { get; set; }

    public MediaNodeStatus Status
    {
        get
        {
            if (BreakStatus)
            {
                throw new InvalidOperationException("media status broken (test)");
            }

            lock (_gate)
            {
                return _status;
            }
        }
    }

    public Task<string> StartSessionAsync(string? sessionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _starts.Add(sessionId);
            if (RefuseStart is { } refused)
            {
                throw refused;
            }

            if (_status.SessionId.Length > 0)
            {
                return Task.FromResult(_status.SessionId);
            }

            _status = MediaNodeStatus.Idle with { SessionId = sessionId!, UplinkState = AutoConnect ? "connected" : "connecting" };
            return Task.FromResult(sessionId!);
        }
    }

    public async Task StopSessionAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _stops);
        if (StopGate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        lock (_gate)
        {
            _status = MediaNodeStatus.Idle;
        }
    }

    public Task<bool> RunLineTestAsync(CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>The uplink's state as SrtUplinkState names it in lower case: connected, down, refused...</summary>
    public void SetUplink(string state)
    {
        lock (_gate)
        {
            _status = _status with { UplinkState = state };
        }
    }

    /// <summary>The officials hung up: the hub's stop command ended the session.</summary>
    public void EndFromHub()
    {
        lock (_gate)
        {
            _status = MediaNodeStatus.Idle;
        }
    }
}
