using Google.Protobuf;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;
using TiepCongDan.Edge.Devices;
using TiepCongDan.Edge.Health;
using TiepCongDan.Edge.Store;

namespace TiepCongDan.Edge.Sparkplug;

/// <summary>
/// A Sparkplug B 3.0 edge node for one kiosk: group = province, edge node = kiosk id, devices =
/// the attached peripherals. <see cref="RunAsync"/> owns the connection (connect, births, drain
/// the outbox, ping, reconnect with back-off); <see cref="SampleAsync"/> is called once per sample
/// interval by the host (the service's loop, or the simulator's shared scheduler) and publishes by
/// exception, or stores in the outbox while offline.
/// Thread-safety: publishing and node state are serialized by one async lock; MQTT callbacks only
/// set flags or start work outside the client's receive loop.
/// </summary>
public sealed partial class EdgeNode : IAsyncDisposable
{
    private const int DrainBatch = 100;

    private readonly EdgeNodeSettings _settings;
    private readonly IHealthSampler _sampler;
    private readonly IDevicePortSet _devices;
    private readonly Media.IMediaNode? _media;
    private readonly IOutboxStore _outbox;
    private readonly IBdSeqStore _bdSeqStore;
    private readonly IEventJournal _journal;
    private readonly INodeControl _control;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IMqttClient _client;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Random _random;
    private readonly string _group;

    private ulong _bdSeq;
    private ulong _seq;
    private volatile bool _online;
    private volatile bool _primaryHostOnline;
    private double? _rttMs;
    private long _published;
    private long _lastSampleTimestamp;
    private CancellationToken _runToken;

    public EdgeNode(
        EdgeNodeSettings settings,
        IHealthSampler sampler,
        IDevicePortSet devices,
        IOutboxStore outbox,
        IBdSeqStore bdSeqStore,
        INodeControl control,
        TimeProvider time,
        ILogger logger,
        IEventJournal? journal = null,
        IMqttClient? client = null,
        Media.IMediaNode? media = null)
    {
        if (!Contracts.Fleet.KioskId.IsValid(settings.KioskId))
        {
            throw new ArgumentException($"'{settings.KioskId}' is not a kiosk id.", nameof(settings));
        }

        _settings = settings;
        _sampler = sampler;
        _devices = devices;
        _outbox = outbox;
        _bdSeqStore = bdSeqStore;
        _control = control;
        _time = time;
        _logger = logger;
        _journal = journal ?? NullEventJournal.Instance;
        _media = media;
        _group = Contracts.Fleet.KioskId.ProvinceOf(settings.KioskId);
        _random = new Random(settings.KioskId.GetHashCode(StringComparison.Ordinal) ^ Environment.ProcessId);
        _primaryHostOnline = string.IsNullOrWhiteSpace(settings.PrimaryHostId);
        _client = client ?? new MqttClientFactory().CreateMqttClient();
        _client.DisconnectedAsync += OnDisconnectedAsync;
        _client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
    }

    public string KioskId => _settings.KioskId;

    /// <summary>The last measured round trip to the hub while online (the media uplink derives its SRT latency from it).</summary>
    public TimeSpan? HubRtt => _online && _rttMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

    public string GroupId => _group;

    /// <summary>True between this session's NBIRTH and the loss of the connection.</summary>
    public bool IsOnline => _online;

    public bool IsConnected => _client.IsConnected;

    /// <summary>The bdSeq of the current (or last) connect attempt.</summary>
    public ulong BdSeq => Interlocked.Read(ref _bdSeq);

    /// <summary>MQTT messages published since start (births, data, historical).</summary>
    public long MessagesPublished => Interlocked.Read(ref _published);

    /// <summary>TimeProvider timestamp of the last completed sample (liveness for the watchdog).</summary>
    public long LastSampleTimestamp => Interlocked.Read(ref _lastSampleTimestamp);

    /// <summary>Keeps the node connected until <paramref name="cancellationToken"/> fires, then publishes NDEATH and disconnects.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _runToken = cancellationToken;
        var attempt = 0;
        var firstConnect = true;
        TimeSpan? pendingDelay = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    _online = false;

                    // Back off before every reconnect, also after a drop that followed a good
                    // connect: a broker that accepts and then kicks us (two kiosks with one id,
                    // a refused publish) must not become a tight reconnect loop.
                    if (!firstConnect)
                    {
                        var delay = pendingDelay ?? ReconnectBackoff.Delay(attempt++, _settings.ReconnectMinDelay, _settings.ReconnectMaxDelay, _random);
                        pendingDelay = null;
                        await Task.Delay(delay, _time, cancellationToken);
                    }

                    firstConnect = false;
                    await ConnectAsync(cancellationToken);
                }

                if (!_online && _primaryHostOnline && _client.IsConnected)
                {
                    await BirthAsync(cancellationToken);
                }

                if (_online && _outbox.Pending > 0)
                {
                    await DrainOutboxAsync(cancellationToken);
                }

                await WaitForWakeAsync(_settings.ConnectionCheckInterval, cancellationToken);
                if (await CheckConnectionAsync(cancellationToken))
                {
                    attempt = 0; // the link held for a whole check interval
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping mid-publish: still say goodbye with an NDEATH below.
                break;
            }
            catch (Exception ex)
            {
                _online = false;
                pendingDelay = ReconnectBackoff.Delay(attempt++, _settings.ReconnectMinDelay, _settings.ReconnectMaxDelay, _random);
                EdgeNodeLog.ConnectFailed(_logger, _settings.Host, _settings.Port, ex.GetBaseException().Message, (long)pendingDelay.Value.TotalMilliseconds);
                await SafeDisconnectAsync();
            }
        }

        await ShutdownAsync();
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var bdSeq = _bdSeqStore.NextBdSeq();
        Interlocked.Exchange(ref _bdSeq, bdSeq);
        EdgeNodeLog.Connecting(_logger, _settings.Host, _settings.Port, _settings.KioskId, bdSeq);

        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_settings.Host, _settings.Port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(_settings.KioskId)
            .WithCredentials(_settings.MqttUsername, string.IsNullOrEmpty(_settings.Password) ? null : _settings.Password)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(_settings.KeepAlive)
            .WithTimeout(_settings.ConnectTimeout)
            .WithWillTopic(SparkplugTopic.Node(_group, SparkplugMessageType.NDEATH, _settings.KioskId))
            .WithWillPayload(DeathPayload(bdSeq))
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillRetain(false);
        if (_settings.UseTls)
        {
            builder = builder.WithTlsOptions(ConfigureTls);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.ConnectTimeout);
        var result = await _client.ConnectAsync(builder.Build(), timeout.Token);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the connection: {result.ResultCode}");
        }

        // Sparkplug: subscribe to our commands (and the host's STATE) before the NBIRTH.
        var subscribe = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(SparkplugTopic.Node(_group, SparkplugMessageType.NCMD, _settings.KioskId), MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter($"{SparkplugTopic.Namespace}/{_group}/DCMD/{_settings.KioskId}/+", MqttQualityOfServiceLevel.AtLeastOnce);
        if (!string.IsNullOrWhiteSpace(_settings.PrimaryHostId))
        {
            subscribe = subscribe.WithTopicFilter($"{SparkplugTopic.Namespace}/STATE/+", MqttQualityOfServiceLevel.AtLeastOnce);
        }

        await _client.SubscribeAsync(subscribe.Build(), cancellationToken);
        EdgeNodeLog.Connected(_logger, _group, _settings.KioskId, bdSeq);
        _journal.Record(NowMs(), "connected", $"bdSeq {bdSeq}");
    }

    private void ConfigureTls(MqttClientTlsOptionsBuilder tls)
    {
        // The name the hub's certificate must carry (DNS name or IP SAN) is the host we dialled.
        tls.UseTls().WithTargetHost(_settings.Host);
        if (_settings.ClientCertificate is { } certificate)
        {
            tls.WithClientCertificates([certificate]);
        }

        if (_settings.TrustedCa is { } ca)
        {
            tls.WithCertificateValidationHandler(e =>
            {
                var problem = ServerCertificateCheck.Problem(e.Certificate, e.SslPolicyErrors, ca);
                if (problem is not null)
                {
                    EdgeNodeLog.ServerCertificateRefused(_logger, _settings.Host, problem);
                }

                return problem is null;
            });
        }
    }

    /// <summary>Pings the broker; true when it answered.</summary>
    private async Task<bool> CheckConnectionAsync(CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            _rttMs = null;
            return false;
        }

        var start = _time.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.ConnectTimeout);
        try
        {
            await _client.PingAsync(timeout.Token);
            _rttMs = _time.GetElapsedTime(start).TotalMilliseconds;
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _rttMs = null;
            _online = false;
            EdgeNodeLog.ConnectionLost(_logger, "no answer to ping: " + ex.GetBaseException().Message);
            await SafeDisconnectAsync();
            return false;
        }
    }

    private async Task WaitForWakeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, _time, cts.Token);
        var wake = _wake.WaitAsync(cts.Token);
        await Task.WhenAny(delay, wake);
        await cts.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // already signalled
        }
        catch (ObjectDisposedException)
        {
            // the node is gone
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs e)
    {
        // Only flag and wake the loop: reconnecting here would race the loop (MQTTnet 5 guidance).
        if (_online || e.ClientWasConnected)
        {
            EdgeNodeLog.ConnectionLost(_logger, e.ReasonString ?? e.Reason.ToString());
            _journal.Record(NowMs(), "disconnected", e.Reason.ToString());
        }

        _online = false;
        _rttMs = null;
        Wake();
        return Task.CompletedTask;
    }

    private async Task SafeDisconnectAsync()
    {
        _online = false;
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build());
            }
        }
        catch (Exception)
        {
            // The socket is already gone; nothing to clean up.
        }
    }

    private async Task ShutdownAsync()
    {
        if (!_client.IsConnected)
        {
            return;
        }

        // A clean MQTT disconnect suppresses the Will, so publish the NDEATH ourselves (Sparkplug 3.0).
        await PublishDeathAsync();
        EdgeNodeLog.ShutdownDeath(_logger);
    }

    private byte[] DeathPayload(ulong bdSeq)
    {
        var payload = new Payload { Timestamp = (ulong)NowMs() };
        payload.Metrics.Add(MetricFactory.Create(NodeMetrics.BdSeq, 0, SparkplugValue.OfUInt64(bdSeq), (ulong)NowMs()));
        return payload.ToByteArray();
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    public async ValueTask DisposeAsync()
    {
        _client.DisconnectedAsync -= OnDisconnectedAsync;
        _client.ApplicationMessageReceivedAsync -= OnMessageReceivedAsync;
        await SafeDisconnectAsync();
        _client.Dispose();
        _lock.Dispose();
        _wake.Dispose();
    }
}
