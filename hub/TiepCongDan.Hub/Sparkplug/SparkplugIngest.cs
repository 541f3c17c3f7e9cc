using System.Buffers;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;
using TiepCongDan.Hub.Metrics;
using TiepCongDan.Hub.Options;
using TiepCongDan.Hub.Registry;
using TiepCongDan.Hub.Storage;

namespace TiepCongDan.Hub.Sparkplug;

/// <summary>
/// The primary host's reading of Sparkplug B 3.0 messages into the registry: births reset a node,
/// deaths count only with the birth's bdSeq, data must follow the seq and use known aliases or the
/// node is asked to rebirth. Anything malformed is counted and dropped; <see cref="Handle"/> never
/// throws, so one broken kiosk cannot disturb the others. Thread-safe (the registry locks per kiosk).
/// </summary>
public sealed class SparkplugIngest
{
    private readonly KioskRegistry _registry;
    private readonly HubMetrics _metrics;
    private readonly NodeCommandSender _commands;
    private readonly RebirthLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly ILogger<SparkplugIngest> _logger;
    private readonly int _maxPayloadBytes;

    public SparkplugIngest(KioskRegistry registry, HubMetrics metrics, NodeCommandSender commands, RebirthLimiter limiter,
        TimeProvider time, IOptions<HubOptions> options, ILogger<SparkplugIngest> logger)
    {
        _registry = registry;
        _metrics = metrics;
        _commands = commands;
        _limiter = limiter;
        _time = time;
        _logger = logger;
        _maxPayloadBytes = options.Value.Mqtt.Embedded.MaxPayloadBytes;
    }

    public void Handle(string topic, ReadOnlySequence<byte> payload)
    {
        try
        {
            HandleCore(topic, payload);
        }
        catch (Exception ex)
        {
            Drop(topic, "internal-error");
            HostLog.HandlerError(_logger, topic, ex);
        }
    }

    private void HandleCore(string topic, ReadOnlySequence<byte> bytes)
    {
        if (topic.StartsWith(SparkplugTopic.Namespace + "/STATE/", StringComparison.Ordinal))
        {
            return; // primary hosts' STATE, ours included
        }

        if (!SparkplugTopic.TryParse(topic, out var parsed))
        {
            Drop(topic, DropReasons.BadTopic);
            return;
        }

        _metrics.Messages.Inc(parsed.MessageType.ToString());
        if (parsed.MessageType is SparkplugMessageType.NCMD or SparkplugMessageType.DCMD)
        {
            return; // commands, ours echoed back by the broker
        }

        var kioskId = parsed.EdgeNodeId;
        if (!KioskId.IsValid(kioskId) || parsed.GroupId != KioskId.ProvinceOf(kioskId)
            || (parsed.DeviceId is not null && parsed.DeviceId.IndexOfAny(['+', '#']) >= 0))
        {
            Drop(topic, DropReasons.BadNodeId);
            return;
        }

        if (bytes.Length > _maxPayloadBytes)
        {
            Drop(topic, DropReasons.Oversized);
            return;
        }

        Payload payload;
        try
        {
            payload = Payload.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            Drop(topic, DropReasons.BadPayload);
            return;
        }

        switch (parsed.MessageType)
        {
            case SparkplugMessageType.NBIRTH:
                OnNodeBirth(topic, kioskId, payload);
                break;
            case SparkplugMessageType.NDEATH:
                OnNodeDeath(topic, kioskId, payload);
                break;
            default:
                OnData(topic, parsed, payload);
                break;
        }
    }

    private void OnNodeBirth(string topic, string kioskId, Payload payload)
    {
        var bdSeq = KioskRecordUpdates.ReadBdSeq(payload);
        if (bdSeq is null)
        {
            Drop(topic, DropReasons.BirthWithoutBdSeq);
            RequestRebirth(kioskId, "birth-without-bdseq");
            return;
        }

        var now = _time.GetUtcNow();
        _registry.Update(kioskId, record =>
        {
            record.Online = true;
            record.BornThisSession = true;
            record.BdSeq = bdSeq;
            record.LastSeq = payload.Seq;
            record.LastSeen = now;
            record.Aliases.Clear();
            record.Metrics.Clear();
            record.Devices.Clear();
            foreach (var metric in payload.Metrics)
            {
                if (string.IsNullOrEmpty(metric.Name))
                {
                    continue; // a birth must name every metric
                }

                var type = (SparkplugDataType)metric.Datatype;
                if (metric.HasAlias)
                {
                    record.Aliases[(string.Empty, metric.Alias)] = new MetricDefinition(metric.Name, type, null);
                }

                if (KioskRecordUpdates.IsShown(metric.Name) && SparkplugValue.ReadFrom(metric) is { } value)
                {
                    record.Metrics[metric.Name] = value.Value;
                    if (metric.Name == NodeMetrics.Commune && value.Value is string commune && KioskId.IsValidCommune(commune))
                    {
                        record.Commune = commune;
                    }
                }
            }

            return (true, 0);
        });
        _limiter.Reset(kioskId);
        HostLog.Birth(_logger, kioskId, bdSeq.Value, payload.Metrics.Count);
    }

    private void OnNodeDeath(string topic, string kioskId, Payload payload)
    {
        var bdSeq = KioskRecordUpdates.ReadBdSeq(payload);
        if (bdSeq is null)
        {
            Drop(topic, DropReasons.DeathWithoutBdSeq);
            return;
        }

        var (applied, current) = _registry.Update(kioskId, record =>
        {
            if (record.BornThisSession && record.BdSeq == bdSeq)
            {
                var changed = record.Online;
                record.Online = false;
                return (changed, (Applied: true, Current: record.BdSeq));
            }

            return (false, (Applied: false, Current: record.BornThisSession ? record.BdSeq : null));
        });
        if (applied)
        {
            HostLog.Death(_logger, kioskId, bdSeq.Value);
        }
        else
        {
            HostLog.StaleDeath(_logger, kioskId, bdSeq.Value, current?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");
            _metrics.StaleDeaths.Inc();
        }
    }

    private void OnData(string topic, SparkplugTopic parsed, Payload payload)
    {
        var kioskId = parsed.EdgeNodeId;
        var now = _time.GetUtcNow();
        var outcome = _registry.Update(kioskId, record =>
        {
            if (!record.BornThisSession || !record.Online)
            {
                return (false, DataOutcome.NotBorn);
            }

            var gap = !payload.HasSeq || !SparkplugSequence.Follows(record.LastSeq, payload.Seq);
            if (payload.HasSeq)
            {
                record.LastSeq = payload.Seq;
            }

            record.LastSeen = now;
            var unknownAlias = parsed.MessageType switch
            {
                SparkplugMessageType.NDATA => KioskRecordUpdates.ApplyNodeData(record, payload, _registry),
                SparkplugMessageType.DBIRTH => KioskRecordUpdates.ApplyDeviceBirth(record, parsed.DeviceId!, payload),
                SparkplugMessageType.DDATA => KioskRecordUpdates.ApplyDeviceData(record, parsed.DeviceId!, payload),
                SparkplugMessageType.DDEATH => KioskRecordUpdates.ApplyDeviceDeath(record, parsed.DeviceId!),
                _ => false,
            };
            return (true, gap ? DataOutcome.Gap : unknownAlias ? DataOutcome.UnknownAlias : DataOutcome.Ok);
        });

        switch (outcome)
        {
            case DataOutcome.NotBorn:
                Drop(topic, DropReasons.DataBeforeBirth);
                RequestRebirth(kioskId, "data-before-birth");
                return;
            case DataOutcome.Gap:
                RequestRebirth(kioskId, "seq-gap");
                break;
            case DataOutcome.UnknownAlias:
                RequestRebirth(kioskId, "unknown-alias");
                break;
        }

        if (parsed.MessageType == SparkplugMessageType.NDATA && payload.HasTimestamp)
        {
            var latency = (now.ToUnixTimeMilliseconds() - (long)payload.Timestamp) / 1000.0;
            _metrics.IngestLatency.Observe(Math.Max(0, latency));
        }
    }

    /// <summary>Asks one kiosk to send a new NBIRTH, at most once per 5 s; used for gaps, unknown aliases and after a host reconnect.</summary>
    public void RequestRebirth(string kioskId, string reason)
    {
        if (!_limiter.TryAcquire(kioskId))
        {
            return;
        }

        _metrics.RebirthRequests.Inc(reason);
        HostLog.RebirthRequested(_logger, kioskId, reason);
        // Not awaited: this runs on the MQTT receive path, which must not wait on its own client.
        _ = _commands.SendAsync(kioskId, NodeMetrics.Rebirth, CancellationToken.None);
    }

    /// <summary>The fallback for a lost NDEATH: online kiosks silent longer than the grace are shown offline.</summary>
    public void SweepSilent(TimeSpan grace)
    {
        var cutoff = _time.GetUtcNow() - grace;
        foreach (var kioskId in _registry.OnlineIds())
        {
            var wentOffline = _registry.Update(kioskId, record =>
            {
                if (record.Online && record.LastSeen < cutoff)
                {
                    record.Online = false;
                    record.BornThisSession = false; // its next data must come with a birth
                    return (true, true);
                }

                return (false, false);
            });
            if (wentOffline)
            {
                HostLog.SilentOffline(_logger, kioskId, (int)grace.TotalSeconds);
            }
        }
    }

    private void Drop(string topic, string reason)
    {
        _metrics.Dropped.Inc(reason);
        HostLog.Dropped(_logger, topic, reason);
    }

    private enum DataOutcome
    {
        Ok,
        NotBorn,
        Gap,
        UnknownAlias,
    }
}
