using System.Text.Json;
using Google.Protobuf;
using MQTTnet;
using MQTTnet.Protocol;
using TiepCongDan.Contracts.Commands;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;
using TiepCongDan.Edge.Commands;

namespace TiepCongDan.Edge.Sparkplug;

/// <summary>Incoming messages: NCMD (Node Control), DCMD, and the primary host's STATE.</summary>
public sealed partial class EdgeNode
{
    private Task _commands = Task.CompletedTask;

    private Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var topic = e.ApplicationMessage.Topic;
        if (topic.StartsWith(SparkplugTopic.Namespace + "/STATE/", StringComparison.Ordinal))
        {
            HandleHostState(topic[(SparkplugTopic.Namespace.Length + 7)..], System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload));
            return Task.CompletedTask;
        }

        if (!SparkplugTopic.TryParse(topic, out var parsed) || parsed.GroupId != _group || parsed.EdgeNodeId != _settings.KioskId)
        {
            return Task.CompletedTask;
        }

        if (parsed.MessageType == SparkplugMessageType.DCMD)
        {
            EdgeNodeLog.DeviceCommandIgnored(_logger, parsed.DeviceId ?? string.Empty);
            return Task.CompletedTask;
        }

        if (parsed.MessageType != SparkplugMessageType.NCMD)
        {
            return Task.CompletedTask;
        }

        Payload payload;
        try
        {
            payload = Payload.Parser.ParseFrom(e.ApplicationMessage.Payload);
        }
        catch (InvalidProtocolBufferException ex)
        {
            EdgeNodeLog.MalformedMessage(_logger, topic, ex.Message);
            return Task.CompletedTask;
        }

        // Commands publish (rebirth) and must not run on MQTTnet's receive loop, which would
        // then wait for itself. Chained so they run one at a time in arrival order (this handler
        // is called sequentially by the receive loop, so the chain needs no lock).
        var token = _runToken;
        _commands = _commands.ContinueWith(_ => HandleNodeCommandAsync(payload, token), CancellationToken.None,
            TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs the commands beyond the node's own (restart-media, selftest, collect-logs, screenshot,
    /// camera-still) and carries every command's outcome to the hub; set once at start by the
    /// remote commands service. Null (the fleet simulator, tests): those commands are logged as unknown.
    /// </summary>
    public IRemoteCommandRunner? RemoteCommands { get; set; }

    internal async Task HandleNodeCommandAsync(Payload payload, CancellationToken cancellationToken)
    {
        var commandId = CommandIdOf(payload);
        foreach (var metric in payload.Metrics)
        {
            var name = metric.HasName ? metric.Name : NodeMetricCatalog.NameOf(metric.Alias) ?? $"alias {metric.Alias}";
            if (name == NodeMetrics.CommandId)
            {
                continue;
            }

            var value = SparkplugValue.ReadFrom(metric, SparkplugDataType.Boolean);
            var requested = value?.Value is true;
            try
            {
                if (requested && RemoteCommands is { } runner && runner.Handles(name))
                {
                    _journal.Record(NowMs(), "command", name);
                    runner.Start(name, commandId, cancellationToken);
                    continue;
                }

                if (await RunNodeCommandAsync(name, requested, commandId, cancellationToken) is { } done)
                {
                    await ReportAsync(commandId, CommandStates.Done, done, cancellationToken);
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                EdgeNodeLog.CommandFailed(_logger, ex, name);
                await ReportAsync(commandId, CommandStates.Failed, ex.GetBaseException().Message, cancellationToken);
            }
        }
    }

    /// <summary>The node's own commands; returns the "done" sentence, or null when there is nothing to report (yet).</summary>
    private async Task<string?> RunNodeCommandAsync(string name, bool requested, string? commandId, CancellationToken cancellationToken)
    {
        switch (name)
        {
            case NodeMetrics.Rebirth when requested:
                EdgeNodeLog.RebirthRequested(_logger);
                _journal.Record(NowMs(), "command", "rebirth");
                await BirthAsync(cancellationToken);
                return "Đã gửi lại NBIRTH.";
            case NodeMetrics.Ping:
                EdgeNodeLog.PingReceived(_logger);
                return "pong";
            case NodeMetrics.Reboot when requested:
                EdgeNodeLog.RebootRequested(_logger);
                _journal.Record(NowMs(), "command", "reboot");
                // Acknowledged first: the hub marks it done when the kiosk is born again.
                await ReportAsync(commandId, CommandStates.Accepted, "Điểm cầu đã nhận lệnh và đang khởi động lại máy.", cancellationToken);
                await _control.RebootAsync(cancellationToken);
                return null;
            case NodeMetrics.RestartService when requested:
                EdgeNodeLog.RestartRequested(_logger);
                _journal.Record(NowMs(), "command", "restart service");
                await ReportAsync(commandId, CommandStates.Accepted, "Điểm cầu đã nhận lệnh và đang khởi động lại dịch vụ.", cancellationToken);
                await _control.RestartServiceAsync(cancellationToken);
                return null;
            case MediaMetrics.StartSession when requested && _media is not null:
                var started = await _media.StartSessionAsync(null, cancellationToken);
                _journal.Record(NowMs(), "command", "start session " + started);
                return "Phiên " + started + " đã bắt đầu.";
            case MediaMetrics.StopSession when requested && _media is not null:
                await _media.StopSessionAsync(cancellationToken);
                _journal.Record(NowMs(), "command", "stop session");
                return "Phiên đã kết thúc.";
            case MediaMetrics.LineTest when requested && _media is not null:
                _journal.Record(NowMs(), "command", "line test");
                // Ten seconds of streaming must not hold up the command chain (a stop-session behind it).
                var media = _media;
                _ = Task.Run(async () =>
                {
                    var ran = await media.RunLineTestAsync(cancellationToken);
                    await ReportAsync(commandId, ran ? CommandStates.Done : CommandStates.Refused,
                        ran ? "Đã phát 10 giây hình thử đường truyền." : "Đang có phiên: không thử đường truyền.", cancellationToken);
                }, CancellationToken.None);
                return null;
            case NodeMetrics.Rebirth or NodeMetrics.Reboot or NodeMetrics.RestartService or MediaMetrics.StartSession or MediaMetrics.StopSession or MediaMetrics.LineTest:
                return null; // written false: nothing to do
            default:
                EdgeNodeLog.UnknownCommand(_logger, name);
                return null;
        }
    }

    /// <summary>
    /// Reports in the background: an unreachable hub must not hold up the command chain (a stop-session
    /// behind a start-session). A restart's acknowledgement is waited for, a few seconds at most, so it
    /// usually leaves before the process or board goes down.
    /// </summary>
    private async Task ReportAsync(string? commandId, string state, string message, CancellationToken cancellationToken)
    {
        if (commandId is null || RemoteCommands is not { } runner)
        {
            return;
        }

        var report = runner.ReportAsync(commandId, new CommandOutcome(state, message), cancellationToken);
        if (state != CommandStates.Accepted)
        {
            return;
        }

        try
        {
            await report.WaitAsync(TimeSpan.FromSeconds(5), _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Restart anyway: the hub also sees the kiosk come back with a new birth.
        }
    }

    private static string? CommandIdOf(Payload payload)
    {
        foreach (var metric in payload.Metrics)
        {
            if (metric.HasName && metric.Name == NodeMetrics.CommandId
                && SparkplugValue.ReadFrom(metric, SparkplugDataType.String)?.Value is string id && id.Length is > 0 and <= 64)
            {
                return id;
            }
        }

        return null;
    }

    private void HandleHostState(string hostId, byte[] json)
    {
        if (string.IsNullOrWhiteSpace(_settings.PrimaryHostId) || hostId != _settings.PrimaryHostId)
        {
            return;
        }

        HostState? state;
        try
        {
            state = JsonSerializer.Deserialize<HostState>(json);
        }
        catch (JsonException ex)
        {
            EdgeNodeLog.MalformedMessage(_logger, "STATE/" + hostId, ex.Message);
            return;
        }

        if (state is null)
        {
            return;
        }

        var wasOnline = _primaryHostOnline;
        _primaryHostOnline = state.Online;
        if (wasOnline == state.Online)
        {
            return;
        }

        EdgeNodeLog.PrimaryHostState(_logger, hostId, state.Online ? "online" : "offline");
        if (state.Online)
        {
            Wake();
        }
        else if (_online)
        {
            // Sparkplug 3.0: when the primary host goes away, die and wait for it to come back.
            _online = false;
            _ = Task.Run(async () =>
            {
                await PublishDeathAsync();
                Wake();
            });
        }
    }

    private async Task PublishDeathAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            await _client.PublishAsync(
                new MqttApplicationMessageBuilder()
                    .WithTopic(SparkplugTopic.Node(_group, SparkplugMessageType.NDEATH, _settings.KioskId))
                    .WithPayload(DeathPayload(BdSeq))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build(),
                timeout.Token);
        }
        catch (Exception)
        {
            // The broker publishes the Will if we cannot.
        }

        await SafeDisconnectAsync();
    }
}
