using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TiepCongDan.Hub.Ingest;
using TiepCongDan.Hub.Metrics;
using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Bridge;

/// <summary>
/// Forwards every live session to the reception points its province has: pushes to caller points,
/// serves points that pull from the bridge listener, and carries the officials' return stream to
/// the session's kiosk. Sessions come and go with <see cref="ILiveSessionBus"/>; the bus callbacks
/// only create or hand over objects, all sending happens on the outputs' own threads. Thread-safe.
/// </summary>
public sealed class BridgeService : IHostedService, IAsyncDisposable
{
    private readonly ILiveSessionBus _bus;
    private readonly IReadOnlyList<ReceptionPoint> _points;
    private readonly BridgeOptions _options;
    private readonly Func<string, string> _kioskPassphrase;
    private readonly Func<string, bool> _isRevoked;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, BridgedSession> _sessions = new(StringComparer.Ordinal);
    private BridgeListener? _listener;

    /// <param name="kioskPassphrase">The kiosk's own SRT passphrase (MediaCredentials.DeriveSrtPassphrase from the fleet secret).</param>
    /// <param name="isRevoked">True for a revoked kiosk, whose return request is refused; null = none revoked.</param>
    public BridgeService(ILiveSessionBus bus, IReadOnlyList<ReceptionPoint> points, BridgeOptions options, Func<string, string> kioskPassphrase, TimeProvider time, ILogger<BridgeService> logger,
        Func<string, bool>? isRevoked = null)
    {
        _isRevoked = isRevoked ?? (_ => false);
        _bus = bus;
        _points = points;
        _options = options;
        _kioskPassphrase = kioskPassphrase;
        _time = time;
        _logger = logger;
    }

    /// <summary>Refusals of the bridge listener by code (1400, 1403, 1404).</summary>
    public LabeledCounter Refusals { get; } = new("tcd_hub_bridge_refused_total", "Callers the bridge listener refused, by code.", "code");

    /// <summary>How long messages wait in the hub between the ingest and the send to a receiver (all outputs).</summary>
    public Histogram AddedLatency { get; } = new(
        "tcd_hub_bridge_added_latency_seconds",
        "Time a message waits in the hub between the ingest's callback and the send to a point or kiosk.",
        [0.0001, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]);

    /// <summary>The listener's port, 0 while it is off.</summary>
    public int ListenerPort => _listener?.Port ?? 0;

    public IReadOnlyList<ReceptionPoint> Points => _points;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _bus.SessionStarted += OnSessionStarted;
        _bus.SessionEnded += OnSessionEnded;
        foreach (var session in _bus.Sessions)
        {
            OnSessionStarted(session);
        }

        if (_options.Port is > 0)
        {
            _listener = BridgeListener.Start(_options, Decide, OnAccepted, _logger);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _bus.SessionStarted -= OnSessionStarted;
        _bus.SessionEnded -= OnSessionEnded;
        if (_listener is not null)
        {
            await _listener.DisposeAsync();
            _listener = null;
        }

        var entries = _sessions.Values.ToArray();
        _sessions.Clear();
        await Task.WhenAll(entries.Select(e => Task.Run(e.Dispose, CancellationToken.None)));
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    /// <summary>The bridged sessions with their outputs and return path, for the API and /metrics.</summary>
    public IReadOnlyList<SessionBridge> Bridges => [.. _sessions.Values.Select(e => e.Bridge)];

    public SessionBridge? Find(string sessionId) => _sessions.TryGetValue(sessionId, out var entry) ? entry.Bridge : null;

    private void OnSessionStarted(LiveSessionInfo info)
    {
        // A kiosk's line test measures its link to the hub; it is nobody's session to watch.
        if (TiepCongDan.Contracts.Media.MediaSessionId.IsLineTest(info.SessionId))
        {
            return;
        }

        var bridge = new SessionBridge(info, new SessionReturn(info.SessionId, _options, _time, _logger), _time);
        var entry = new BridgedSession(bridge);
        if (!_sessions.TryAdd(info.SessionId, entry))
        {
            return;
        }

        var pushes = 0;
        foreach (var point in _points.Where(p => p.IsCaller && p.Serves(info.Province)))
        {
            var settings = BridgeOutputSettings.From(_options, joinAtMarker: true, AddedLatency);
            var caller = new SrtCallerOptions
            {
                Host = point.Options.Host,
                Port = point.Options.Port,
                StreamId = BridgeStreamId.ForPush(info.SessionId),
                Passphrase = point.Passphrase,
                LatencyMs = point.Options.LatencyMs,
                ConnectTimeoutMs = 3000,
            };
            bridge.Add(BridgeOutput.StartPush(info.SessionId, point.Id, () => SrtConnection.Connect(caller), settings, _time, _logger));
            pushes++;
        }

        entry.Subscription = _bus.Subscribe(info.SessionId, bridge.Offer);
        BridgeLog.SessionBridged(_logger, info.SessionId, info.Province, pushes);
    }

    private void OnSessionEnded(LiveSessionInfo info)
    {
        if (_sessions.TryRemove(info.SessionId, out var entry))
        {
            BridgeLog.SessionClosed(_logger, info.SessionId);
            // Closing outputs joins their threads: never on the bus's thread.
            _ = Task.Run(entry.Dispose);
        }
    }

    private SrtAcceptDecision Decide(SrtHandshake handshake)
    {
        if (!BridgeStreamId.TryParse(handshake.StreamId, out var id))
        {
            return Refuse(handshake, "?", "?", "stream id not understood", BridgeRefusal.BadStreamId);
        }

        var kind = id.Kind.ToString();
        if (!_sessions.TryGetValue(id.SessionId, out var entry))
        {
            return Refuse(handshake, kind, id.User, "no such live session", BridgeRefusal.UnknownSession);
        }

        var info = entry.Bridge.Info;
        if (id.Kind == BridgeStreamKind.KioskReturn)
        {
            if (_isRevoked(id.User))
            {
                return Refuse(handshake, kind, id.User, "kiosk revoked", BridgeRefusal.Forbidden);
            }

            return id.User == info.KioskId
                ? SrtAcceptDecision.Accept(_kioskPassphrase(info.KioskId))
                : Refuse(handshake, kind, id.User, "not the session's kiosk", BridgeRefusal.Forbidden);
        }

        var point = _points.FirstOrDefault(p => p.Id == id.User);
        if (point is null)
        {
            return Refuse(handshake, kind, id.User, "point not configured", BridgeRefusal.Forbidden);
        }

        return point.Serves(info.Province)
            ? SrtAcceptDecision.Accept(point.Passphrase)
            : Refuse(handshake, kind, id.User, $"point not allowed for province {info.Province}", BridgeRefusal.Forbidden);
    }

    private SrtAcceptDecision Refuse(SrtHandshake handshake, string kind, string user, string reason, int code)
    {
        Refusals.Inc(code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        BridgeLog.Refused(_logger, handshake.Peer.ToString(), kind, user, reason, code);
        return SrtAcceptDecision.Reject(code);
    }

    private void OnAccepted(SrtConnection connection)
    {
        // The handshake decision already checked everything; the session may have ended since.
        if (!BridgeStreamId.TryParse(connection.StreamId, out var id) || !_sessions.TryGetValue(id.SessionId, out var entry))
        {
            connection.Dispose();
            return;
        }

        var bridge = entry.Bridge;
        switch (id.Kind)
        {
            case BridgeStreamKind.PointRequest:
                bridge.Add(BridgeOutput.StartPull(id.SessionId, id.User, OutputKind.Pull, connection, BridgeOutputSettings.From(_options, joinAtMarker: true, AddedLatency), _time, _logger));
                break;
            case BridgeStreamKind.PointPublish:
                bridge.Return.AddPublisher(id.User, connection);
                break;
            case BridgeStreamKind.KioskReturn:
                bridge.Return.AddKiosk(BridgeOutput.StartPull(id.SessionId, id.User, OutputKind.Return, connection, BridgeOutputSettings.From(_options, joinAtMarker: false, AddedLatency), _time, _logger));
                break;
            default:
                connection.Dispose();
                break;
        }
    }
}
