using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Hub.Broker;
using TiepCongDan.Hub.Media;
using TiepCongDan.Hub.Options;
using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Ingest;

/// <summary>
/// The SRT listener every kiosk calls (Hub:Media:Ingest; off when Port = 0). Each handshake goes through
/// <see cref="StreamIdGate"/>; each accepted connection gets a <see cref="KioskStreamReceiver"/> thread
/// feeding the <see cref="LiveSessionBus"/> and the live recorder. Once a second it measures every link,
/// ends sessions whose kiosk did not come back, and reports handshakes that never completed.
/// </summary>
internal sealed class SrtIngestService : IHostedService, IDisposable
{
    /// <summary>A handshake the gate accepted is complete within a few RTTs; one still missing after this failed in libsrt.</summary>
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan BindRetryFor = TimeSpan.FromSeconds(5);

    private readonly IngestOptions _options;
    private readonly LiveSessionBus _bus;
    private readonly LiveSegmentConfirmer _confirmer;
    private readonly IngestMetrics _metrics;
    private readonly StreamIdGate _gate;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ILoggerFactory _loggers;
    private readonly ConcurrentDictionary<string, KioskStreamReceiver> _receivers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<KioskStreamReceiver, byte> _all = new();
    private readonly CancellationTokenSource _stopping = new();
    private SrtListener? _listener;
    private Task _loops = Task.CompletedTask;

    public SrtIngestService(IOptions<HubOptions> options, LiveSessionBus bus, LiveSegmentConfirmer confirmer, IngestMetrics metrics,
        FleetSecret secret, BrokerAuthorizer authorizer, MediaArchiveStore archive, TimeProvider time, ILoggerFactory loggers)
    {
        _options = options.Value.Media.Ingest;
        _bus = bus;
        _confirmer = confirmer;
        _metrics = metrics;
        _time = time;
        _loggers = loggers;
        _logger = loggers.CreateLogger<SrtIngestService>();
        _gate = new StreamIdGate(secret, authorizer, bus, session => archive.FindSession(session)?.KioskId, _options.MaxSessions);
    }

    /// <summary>The UDP port listened on; 0 when the ingest is off.</summary>
    public int Port => _listener?.Port ?? 0;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Port == 0)
        {
            IngestLog.Disabled(_logger);
            return Task.CompletedTask;
        }

        _listener = Listen(IPAddress.Parse(_options.BindAddress));

        IngestLog.Listening(_logger, _options.BindAddress, _options.Port, _options.LatencyMs, _options.MaxSessions);
        _loops = Task.WhenAll(
            Task.Run(() => AcceptLoopAsync(_stopping.Token), CancellationToken.None),
            Task.Run(() => HousekeepingLoopAsync(_stopping.Token), CancellationToken.None),
            Task.Run(() => _confirmer.RunAsync(_stopping.Token), CancellationToken.None));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        _listener?.Dispose();
        foreach (var receiver in _all.Keys)
        {
            receiver.Dispose();
        }

        await Task.WhenAll(_all.Keys.Select(r => r.Finished)).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _loops.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _bus.EndAll();
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Closes every live connection of a kiosk (it was just revoked); returns how many were open.</summary>
    public int CutKiosk(string kioskId)
    {
        var cut = 0;
        foreach (var receiver in _all.Keys)
        {
            if (receiver.Session.KioskId == kioskId && !receiver.Finished.IsCompleted)
            {
                receiver.Dispose();
                cut++;
            }
        }

        return cut;
    }

    /// <summary>
    /// libsrt releases a closed socket's UDP port a moment later (its garbage collector thread), so a hub
    /// restarted in the same process may find its own port still taken: retry briefly before giving up.
    /// </summary>
    private SrtListener Listen(IPAddress address)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            try
            {
                return SrtListener.Start(_options.Port, Decide, _options.LatencyMs, _logger, address);
            }
            catch (SrtException e) when (_time.GetElapsedTime(started) < BindRetryFor)
            {
                IngestLog.BindRetry(_logger, _options.Port, e.Message);
                Thread.Sleep(200);
            }
            catch (SrtException e)
            {
                throw new HubConfigurationException($"Hub:Media:Ingest: cannot listen for kiosks on UDP {_options.BindAddress}:{_options.Port} ({e.Message}); free the port or choose another.", e);
            }
        }
    }

    /// <summary>Inside libsrt's handshake: never throws, never blocks for long.</summary>
    private SrtAcceptDecision Decide(SrtHandshake handshake)
    {
        IngestAdmission admission;
        try
        {
            admission = _gate.Check(handshake.StreamId, handshake.Peer);
        }
        catch (Exception e)
        {
            IngestLog.AdmissionFailed(_logger, handshake.Peer.ToString(), e);
            _metrics.Refusals.Inc("internal-error");
            return SrtAcceptDecision.Reject(1500);
        }

        if (admission.Accepted)
        {
            return SrtAcceptDecision.Accept(admission.Passphrase);
        }

        _metrics.Refusals.Inc(admission.Refusal.Reason);
        IngestLog.Refused(_logger, handshake.Peer.ToString(), admission.Refusal.Code, admission.Refusal.Reason, admission.KioskId ?? "?", admission.SessionId ?? "?");
        return SrtAcceptDecision.Reject(admission.Refusal.Code);
    }

    private async Task AcceptLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var connection = await _listener!.AcceptAsync(stopping);
                Start(connection);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                IngestLog.AcceptFailed(_logger, e);
                await Task.Delay(TimeSpan.FromMilliseconds(200), _time, CancellationToken.None);
            }
        }
    }

    private void Start(SrtConnection connection)
    {
        if (!SrtStreamId.TryParse(connection.StreamId, out var id))
        {
            // The gate refused every such caller; nothing else reaches accept.
            connection.Dispose();
            return;
        }

        LiveSession session;
        int generation;
        try
        {
            (session, generation) = _bus.Attach(connection.Peer, id.User, id.Session);
        }
        catch (InvalidOperationException)
        {
            _metrics.Refusals.Inc(IngestRefusal.OtherKiosksStream.Reason);
            connection.Dispose();
            return;
        }

        _metrics.Connections.Inc();
        var recorder = MediaSessionId.IsLineTest(id.Session)
            ? null
            : new LiveSegmentRecorder(id.User, id.Session, _confirmer, _metrics, _time, _loggers.CreateLogger<LiveSegmentRecorder>());
        var receiver = new KioskStreamReceiver(connection, _bus, session, generation, recorder, _metrics, _time, _logger);
        _all[receiver] = 0;
        _ = receiver.Finished.ContinueWith(_ => _all.TryRemove(receiver, out byte _), TaskScheduler.Default);
        if (_receivers.TryGetValue(id.Session, out var previous) && !previous.Finished.IsCompleted)
        {
            // The kiosk reconnected before its old connection timed out here: the new one wins.
            IngestLog.Superseded(_logger, id.User, id.Session, previous.Connection.Peer.ToString());
            previous.Dispose();
        }

        _receivers[id.Session] = receiver;
        IngestLog.Connected(_logger, id.User, connection.Peer.ToString(), id.Session, generation);
        receiver.Start();
    }

    private async Task HousekeepingLoopAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                Housekeep();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The hub stops.
        }
    }

    private void Housekeep()
    {
        foreach (var (sessionId, receiver) in _receivers)
        {
            if (receiver.Finished.IsCompleted)
            {
                _ = _receivers.TryRemove(KeyValuePair.Create(sessionId, receiver));
                continue;
            }

            try
            {
                _bus.UpdateLink(receiver.Session, LinkOf(receiver.Connection.GetStats(clear: true)));
            }
            catch (Exception e) when (e is SrtException or ObjectDisposedException)
            {
                // Closing right now: the receive loop reports it.
            }
        }

        foreach (var handshake in _bus.Sweep(LiveSessionBus.ReconnectGrace, HandshakeTimeout))
        {
            _metrics.Refusals.Inc(IngestRefusal.HandshakeNotCompleted.Reason);
            IngestLog.HandshakeNotCompleted(_logger, handshake.Peer.ToString(), handshake.KioskId);
        }
    }

    private static LiveLinkStats LinkOf(SrtStats stats)
    {
        var expected = stats.PacketsReceived + stats.PacketsReceiveLoss;
        return new LiveLinkStats(
            ReceiveKbps: stats.ReceiveRateMbps * 1000,
            RttMs: stats.RttMs,
            LossPercent: expected == 0 ? 0 : Math.Min(100, 100.0 * stats.PacketsReceiveLoss / expected),
            // libsrt counts retransmissions at the sender; at the receiver a loss not dropped was resent and recovered.
            PacketsRetransmitted: Math.Max(0, stats.PacketsReceiveLoss - stats.PacketsReceiveDropped),
            PacketsDropped: stats.PacketsReceiveDropped,
            LatencyMs: stats.LatencyMs,
            BytesReceived: stats.BytesReceived);
    }
}
