using System.Net;
using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Fleet;

namespace TiepCongDan.Hub.Ingest;

/// <summary>
/// The hub's <see cref="ILiveSessionBus"/>: which kiosk owns which live session, who listens to it, and
/// the handshakes on their way in. A session outlives a dropped connection by <see cref="ReconnectGrace"/>,
/// and subscriptions belong to the session id, not to a connection, so a kiosk that reconnects keeps
/// feeding the same subscribers. Thread-safe: one lock for the tables; packets are delivered without it.
/// </summary>
internal sealed class LiveSessionBus : ILiveSessionBus
{
    /// <summary>How long a session waits for its kiosk to reconnect before it ends (SRT's peer idle timeout is 5 s, the kiosk retries from 1 s).</summary>
    public static readonly TimeSpan ReconnectGrace = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LiveSession> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LiveSubscriberList> _subscribers = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Peer, string SessionId), PendingHandshake> _pending = [];
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public LiveSessionBus(TimeProvider time, ILogger<LiveSessionBus> logger)
    {
        _time = time;
        _logger = logger;
    }

    public event Action<LiveSessionInfo>? SessionStarted;

    public event Action<LiveSessionInfo>? SessionEnded;

    public IReadOnlyList<LiveSessionInfo> Sessions
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Values.Select(s => s.Info).OrderBy(i => i.StartedAt).ToList();
            }
        }
    }

    public IDisposable Subscribe(string sessionId, Action<ReadOnlySpan<byte>> onPackets)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentNullException.ThrowIfNull(onPackets);
        lock (_gate)
        {
            ListFor(sessionId).Add(onPackets);
        }

        return new Subscription(this, sessionId, onPackets);
    }

    /// <summary>Who publishes <paramref name="sessionId"/> live now (or is about to), or null.</summary>
    public string? LiveOwner(string sessionId)
    {
        lock (_gate)
        {
            if (_sessions.TryGetValue(sessionId, out var session))
            {
                return session.KioskId;
            }

            return _pending.Values.FirstOrDefault(p => p.SessionId == sessionId)?.KioskId;
        }
    }

    /// <summary>
    /// Holds a place for a handshake the stream id check accepted. Returns the refusal instead when
    /// another kiosk streams this session or the hub already carries <paramref name="maxSessions"/>.
    /// </summary>
    public IngestRefusal? Reserve(IPEndPoint peer, string kioskId, string sessionId, int maxSessions)
    {
        lock (_gate)
        {
            var owner = _sessions.TryGetValue(sessionId, out var live) ? live.KioskId : _pending.Values.FirstOrDefault(p => p.SessionId == sessionId)?.KioskId;
            if (owner is not null && owner != kioskId)
            {
                return IngestRefusal.OtherKiosksStream;
            }

            if (owner is null)
            {
                var carried = _sessions.Count + _pending.Values.Select(p => p.SessionId).Where(s => !_sessions.ContainsKey(s)).Distinct(StringComparer.Ordinal).Count();
                if (carried >= maxSessions)
                {
                    return IngestRefusal.TooManySessions;
                }
            }

            _pending[(peer.ToString(), sessionId)] = new PendingHandshake(peer, kioskId, sessionId, _time.GetTimestamp());
            return null;
        }
    }

    /// <summary>A connection arrived: starts the session or hands it to this connection. Returns the session and this connection's generation.</summary>
    public (LiveSession Session, int Generation) Attach(IPEndPoint peer, string kioskId, string sessionId)
    {
        LiveSession? started = null;
        (LiveSession, int) result;
        lock (_gate)
        {
            _ = _pending.Remove((peer.ToString(), sessionId));
            if (!_sessions.TryGetValue(sessionId, out var session))
            {
                session = new LiveSession(new LiveSessionInfo(sessionId, kioskId, KioskId.ProvinceOf(kioskId), _time.GetUtcNow(), peer), ListFor(sessionId));
                _sessions[sessionId] = session;
                started = session;
            }
            else if (session.KioskId != kioskId)
            {
                // The handshake check refuses this; a race between two kiosks is the only way here.
                throw new InvalidOperationException($"Session {sessionId} belongs to kiosk {session.KioskId}.");
            }
            else
            {
                session.Info = session.Info with { Peer = peer };
            }

            session.Generation++;
            session.DisconnectedAt = null;
            result = (session, session.Generation);
        }

        if (started is not null)
        {
            IngestLog.SessionStarted(_logger, sessionId, kioskId);
            Raise(SessionStarted, started.Info);
        }

        return result;
    }

    /// <summary>The connection of <paramref name="generation"/> ended; the session waits for a reconnect unless a newer connection already took over.</summary>
    public void Detach(LiveSession session, int generation)
    {
        lock (_gate)
        {
            if (session.Generation == generation)
            {
                session.DisconnectedAt = _time.GetTimestamp();
                session.Info = session.Info with { Link = null };
            }
        }
    }

    public void UpdateLink(LiveSession session, LiveLinkStats link)
    {
        lock (_gate)
        {
            if (session.DisconnectedAt is null)
            {
                session.Info = session.Info with { Link = link };
            }
        }
    }

    /// <summary>Delivers whole TS packets to the session's subscribers, on the caller's (receive) thread.</summary>
    public void Publish(LiveSession session, ReadOnlySpan<byte> packets)
    {
        foreach (var subscriber in session.Subscribers.Current)
        {
            try
            {
                subscriber(packets);
            }
            catch (Exception e)
            {
                IngestLog.SubscriberFailed(_logger, session.SessionId, e);
            }
        }
    }

    /// <summary>Ends sessions whose kiosk did not come back within <paramref name="grace"/>; drops handshakes older than <paramref name="handshakeTimeout"/> and returns them.</summary>
    public IReadOnlyList<PendingHandshake> Sweep(TimeSpan grace, TimeSpan handshakeTimeout)
    {
        var ended = new List<LiveSessionInfo>();
        var expired = new List<PendingHandshake>();
        lock (_gate)
        {
            foreach (var session in _sessions.Values.Where(s => s.DisconnectedAt is { } at && _time.GetElapsedTime(at) >= grace).ToList())
            {
                _ = _sessions.Remove(session.SessionId);
                if (session.Subscribers.IsEmpty)
                {
                    _ = _subscribers.Remove(session.SessionId);
                }

                ended.Add(session.Info);
            }

            foreach (var (key, pending) in _pending.Where(p => _time.GetElapsedTime(p.Value.AtTimestamp) >= handshakeTimeout).ToList())
            {
                _ = _pending.Remove(key);
                expired.Add(pending);
            }
        }

        foreach (var info in ended)
        {
            IngestLog.SessionEnded(_logger, info.SessionId, info.KioskId, (int)grace.TotalSeconds);
            Raise(SessionEnded, info);
        }

        return expired;
    }

    /// <summary>Ends every session at once (the hub stops).</summary>
    public void EndAll()
    {
        List<LiveSessionInfo> ended;
        lock (_gate)
        {
            ended = _sessions.Values.Select(s => s.Info).ToList();
            _sessions.Clear();
            _pending.Clear();
        }

        foreach (var info in ended)
        {
            Raise(SessionEnded, info);
        }
    }

    private LiveSubscriberList ListFor(string sessionId)
    {
        if (!_subscribers.TryGetValue(sessionId, out var list))
        {
            list = new LiveSubscriberList();
            _subscribers[sessionId] = list;
        }

        return list;
    }

    private void Unsubscribe(string sessionId, Action<ReadOnlySpan<byte>> onPackets)
    {
        lock (_gate)
        {
            if (_subscribers.TryGetValue(sessionId, out var list))
            {
                list.Remove(onPackets);
                if (list.IsEmpty && !_sessions.ContainsKey(sessionId))
                {
                    _ = _subscribers.Remove(sessionId);
                }
            }
        }
    }

    private void Raise(Action<LiveSessionInfo>? handlers, LiveSessionInfo info)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Action<LiveSessionInfo>>())
        {
            try
            {
                handler(info);
            }
            catch (Exception e)
            {
                IngestLog.SubscriberFailed(_logger, info.SessionId, e);
            }
        }
    }

    private sealed class Subscription(LiveSessionBus bus, string sessionId, Action<ReadOnlySpan<byte>> onPackets) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                bus.Unsubscribe(sessionId, onPackets);
            }
        }
    }
}
