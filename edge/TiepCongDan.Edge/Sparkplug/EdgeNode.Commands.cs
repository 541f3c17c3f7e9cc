using System.Text.Json;
using Google.Protobuf;
using MQTTnet;
using MQTTnet.Protocol;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;

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

    internal async Task HandleNodeCommandAsync(Payload payload, CancellationToken cancellationToken)
    {
        foreach (var metric in payload.Metrics)
        {
            var name = metric.HasName ? metric.Name : NodeMetricCatalog.NameOf(metric.Alias) ?? $"alias {metric.Alias}";
            var value = SparkplugValue.ReadFrom(metric, SparkplugDataType.Boolean);
            var requested = value?.Value is true;
            try
            {
                switch (name)
                {
                    case NodeMetrics.Rebirth when requested:
                        EdgeNodeLog.RebirthRequested(_logger);
                        _journal.Record(NowMs(), "command", "rebirth");
                        await BirthAsync(cancellationToken);
                        break;
                    case NodeMetrics.Ping:
                        EdgeNodeLog.PingReceived(_logger);
                        break;
                    case NodeMetrics.Reboot when requested:
                        EdgeNodeLog.RebootRequested(_logger);
                        _journal.Record(NowMs(), "command", "reboot");
                        await _control.RebootAsync(cancellationToken);
                        break;
                    case NodeMetrics.RestartService when requested:
                        EdgeNodeLog.RestartRequested(_logger);
                        _journal.Record(NowMs(), "command", "restart service");
                        await _control.RestartServiceAsync(cancellationToken);
                        break;
                    case MediaMetrics.StartSession when requested && _media is not null:
                        var started = await _media.StartSessionAsync(null, cancellationToken);
                        _journal.Record(NowMs(), "command", "start session " + started);
                        break;
                    case MediaMetrics.StopSession when requested && _media is not null:
                        await _media.StopSessionAsync(cancellationToken);
                        _journal.Record(NowMs(), "command", "stop session");
                        break;
                    case MediaMetrics.LineTest when requested && _media is not null:
                        _journal.Record(NowMs(), "command", "line test");
                        // Ten seconds of streaming must not hold up the command chain (a stop-session behind it).
                        _ = _media.RunLineTestAsync(cancellationToken);
                        break;
                    case NodeMetrics.Rebirth or NodeMetrics.Reboot or NodeMetrics.RestartService or MediaMetrics.StartSession or MediaMetrics.StopSession or MediaMetrics.LineTest:
                        break; // written false: nothing to do
                    default:
                        EdgeNodeLog.UnknownCommand(_logger, name);
                        break;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                EdgeNodeLog.CommandFailed(_logger, ex, name);
            }
        }
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
