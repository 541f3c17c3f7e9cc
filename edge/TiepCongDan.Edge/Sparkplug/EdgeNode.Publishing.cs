using Google.Protobuf;
using MQTTnet;
using MQTTnet.Protocol;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;

namespace TiepCongDan.Edge.Sparkplug;

/// <summary>Births, report-by-exception data and the offline outbox.</summary>
public sealed partial class EdgeNode
{
    private readonly Dictionary<string, SparkplugValue> _reported = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, SparkplugValue>> _deviceReported = new(StringComparer.Ordinal);
    private readonly HashSet<string> _bornDevices = new(StringComparer.Ordinal);
    private Dictionary<string, SparkplugValue>? _latest;
    private DateTimeOffset _lastFullReport = DateTimeOffset.MinValue;
    private bool _lowDisk;

    /// <summary>
    /// Samples health and devices once; publishes changed metrics (NDATA/DDATA, DBIRTH/DDEATH) when
    /// online, or stores the data messages in the outbox when not. Call once per sample interval.
    /// </summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            _devices.Refresh();
            var now = _time.GetUtcNow();
            var ms = (ulong)now.ToUnixTimeMilliseconds();
            var values = TakeSample();

            var full = now - _lastFullReport >= _settings.ReportInterval;
            if (full)
            {
                _lastFullReport = now;
            }

            var changed = new List<MetricDefinition>();
            foreach (var def in NodeMetricCatalog.Data)
            {
                var current = values[def.Name];
                if (full || !_reported.TryGetValue(def.Name, out var reported) || def.HasChanged(reported, current, values))
                {
                    changed.Add(def);
                    _reported[def.Name] = current;
                }
            }

            var readings = _devices.Attached.ToDictionary(p => p.Kind, DeviceMetricCatalog.Values, StringComparer.Ordinal);
            if (_online)
            {
                try
                {
                    await PublishDeviceChangesAsync(readings, ms, full, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Births after the reconnect will restate every device.
                    _online = false;
                    EdgeNodeLog.PublishFailed(_logger, ex.GetBaseException().Message);
                    Wake();
                }
            }
            else
            {
                StoreDeviceChanges(readings, ms, full);
            }

            if (changed.Count > 0)
            {
                var payload = new Payload();
                foreach (var def in changed)
                {
                    payload.Metrics.Add(MetricFactory.Create(string.Empty, def.Alias, values[def.Name], ms));
                }

                await PublishOrStoreAsync(SparkplugMessageType.NDATA, null, payload, (long)ms, cancellationToken);
            }

            Interlocked.Exchange(ref _lastSampleTimestamp, _time.GetTimestamp());
        }
        finally
        {
            _lock.Release();
        }
    }

    private Dictionary<string, SparkplugValue> TakeSample()
    {
        var sample = _sampler.Sample();
        if (_settings.LowDiskBytes > 0 && sample.DiskTotalBytes > 0)
        {
            var low = sample.DiskFreeBytes < (ulong)_settings.LowDiskBytes;
            if (low && !_lowDisk)
            {
                EdgeNodeLog.LowDisk(_logger, sample.DiskFreeBytes);
            }

            _lowDisk = low;
        }

        _latest = NodeMetricCatalog.Values(_settings, sample, _online ? _rttMs : null, _outbox.Pending, _outbox.Dropped, _media?.Status);
        return _latest;
    }

    private async Task PublishDeviceChangesAsync(Dictionary<string, Dictionary<string, SparkplugValue>> readings, ulong ms, bool full, CancellationToken cancellationToken)
    {
        foreach (var (kind, values) in readings)
        {
            if (!_bornDevices.Contains(kind))
            {
                await PublishDeviceBirthAsync(kind, values, ms, cancellationToken);
            }
            else if (DeviceChanges(kind, values, full) is { Count: > 0 } changed)
            {
                await PublishOrStoreAsync(SparkplugMessageType.DDATA, kind, DevicePayload(changed, values, ms, names: false), (long)ms, cancellationToken);
            }
        }

        foreach (var kind in _bornDevices.Where(k => !readings.ContainsKey(k)).ToList())
        {
            _bornDevices.Remove(kind);
            _deviceReported.Remove(kind);
            EdgeNodeLog.DeviceDetached(_logger, kind);
            _journal.Record((long)ms, "device", $"{kind} detached");
            var death = new Payload { Timestamp = ms, Seq = NextSeq() };
            await PublishAsync(SparkplugTopic.Device(_group, SparkplugMessageType.DDEATH, _settings.KioskId, kind), death, MqttQualityOfServiceLevel.AtMostOnce, cancellationToken);
        }
    }

    private void StoreDeviceChanges(Dictionary<string, Dictionary<string, SparkplugValue>> readings, ulong ms, bool full)
    {
        // Only changes of devices the hub already knows; appearing and vanishing devices are
        // settled by the births after reconnecting.
        foreach (var (kind, values) in readings)
        {
            if (_deviceReported.ContainsKey(kind) && DeviceChanges(kind, values, full) is { Count: > 0 } changed)
            {
                Store(SparkplugMessageType.DDATA, kind, DevicePayload(changed, values, ms, names: false), (long)ms);
            }
        }
    }

    /// <summary>The device's metrics that changed beyond their deadband (all on a full report); status changes are logged and journaled.</summary>
    private List<MetricDefinition> DeviceChanges(string kind, Dictionary<string, SparkplugValue> values, bool full)
    {
        var changed = new List<MetricDefinition>();
        if (!_deviceReported.TryGetValue(kind, out var reported))
        {
            return changed;
        }

        var statusChanged = !Equals(reported.GetValueOrDefault(DeviceMetrics.Status).Value, values[DeviceMetrics.Status].Value)
            || !Equals(reported.GetValueOrDefault(DeviceMetrics.Reason).Value, values[DeviceMetrics.Reason].Value);
        foreach (var def in DeviceMetricCatalog.For(kind))
        {
            var current = values[def.Name];
            if (full || !reported.TryGetValue(def.Name, out var before) || def.HasChanged(before, current, values))
            {
                changed.Add(def);
                reported[def.Name] = current;
            }
        }

        if (statusChanged)
        {
            var status = values[DeviceMetrics.Status].Value as string ?? string.Empty;
            var reason = values[DeviceMetrics.Reason].Value as string ?? string.Empty;
            EdgeNodeLog.DeviceChanged(_logger, kind, status, reason);
            _journal.Record(NowMs(), "device", $"{kind} {status} {reason}");
        }

        return changed;
    }

    private async Task PublishOrStoreAsync(SparkplugMessageType type, string? deviceId, Payload payload, long createdMs, CancellationToken cancellationToken)
    {
        if (!_online)
        {
            Store(type, deviceId, payload, createdMs);
            return;
        }

        var topic = deviceId is null
            ? SparkplugTopic.Node(_group, type, _settings.KioskId)
            : SparkplugTopic.Device(_group, type, _settings.KioskId, deviceId);
        payload.Seq = NextSeq();
        payload.Timestamp = (ulong)NowMs();
        try
        {
            await PublishAsync(topic, payload, MqttQualityOfServiceLevel.AtMostOnce, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The link died between the check and the send: keep the data for later.
            _online = false;
            EdgeNodeLog.PublishFailed(_logger, ex.GetBaseException().Message);
            Store(type, deviceId, payload, createdMs);
            Wake();
        }
    }

    private void Store(SparkplugMessageType type, string? deviceId, Payload payload, long createdMs)
    {
        var id = _outbox.Append(type, deviceId, payload.ToByteArray(), createdMs);
        EdgeNodeLog.Stored(_logger, type.ToString(), id, _outbox.Pending);
    }

    /// <summary>NBIRTH (seq 0, this session's bdSeq, every metric with name and alias) then a DBIRTH per device.</summary>
    private async Task BirthAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (!_client.IsConnected)
            {
                return;
            }

            _devices.Refresh();
            _online = true; // so the sample below reports the RTT; reset if publishing fails
            var values = TakeSample();
            var ms = (ulong)NowMs();
            var birth = new Payload { Timestamp = ms, Seq = 0 };
            _seq = 0;
            birth.Metrics.Add(MetricFactory.Create(NodeMetrics.BdSeq, 0, SparkplugValue.OfUInt64(BdSeq), ms));
            foreach (var (name, alias) in NodeMetricCatalog.NodeControls)
            {
                birth.Metrics.Add(MetricFactory.Create(name, alias, SparkplugValue.Of(false), ms));
            }

            foreach (var def in NodeMetricCatalog.Data)
            {
                birth.Metrics.Add(MetricFactory.Create(def.Name, def.Alias, values[def.Name], ms));
                _reported[def.Name] = values[def.Name];
            }

            // The birth is a full report: the periodic one counts from here.
            _lastFullReport = _time.GetUtcNow();
            _seq = 1;
            try
            {
                await PublishAsync(SparkplugTopic.Node(_group, SparkplugMessageType.NBIRTH, _settings.KioskId), birth, MqttQualityOfServiceLevel.AtMostOnce, cancellationToken);
                _bornDevices.Clear();
                foreach (var port in _devices.Attached)
                {
                    await PublishDeviceBirthAsync(port.Kind, DeviceMetricCatalog.Values(port), ms, cancellationToken);
                }
            }
            catch
            {
                _online = false;
                throw;
            }

            EdgeNodeLog.Born(_logger, BdSeq, birth.Metrics.Count, _bornDevices.Count);
            _journal.Record((long)ms, "birth", $"bdSeq {BdSeq}");
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task PublishDeviceBirthAsync(string kind, Dictionary<string, SparkplugValue> values, ulong ms, CancellationToken cancellationToken)
    {
        var payload = DevicePayload(DeviceMetricCatalog.For(kind), values, ms, names: true);
        payload.Timestamp = ms;
        payload.Seq = NextSeq();
        await PublishAsync(SparkplugTopic.Device(_group, SparkplugMessageType.DBIRTH, _settings.KioskId, kind), payload, MqttQualityOfServiceLevel.AtMostOnce, cancellationToken);
        _bornDevices.Add(kind);
        _deviceReported[kind] = new Dictionary<string, SparkplugValue>(values, StringComparer.Ordinal);
    }

    private static Payload DevicePayload(IEnumerable<MetricDefinition> metrics, Dictionary<string, SparkplugValue> values, ulong ms, bool names)
    {
        var payload = new Payload();
        foreach (var def in metrics)
        {
            payload.Metrics.Add(MetricFactory.Create(names ? def.Name : string.Empty, def.Alias, values[def.Name], ms));
        }

        return payload;
    }

    /// <summary>Sends what was stored while offline, oldest first, every metric flagged is_historical; QoS 1 so a record is deleted only once the broker has it.</summary>
    private async Task DrainOutboxAsync(CancellationToken cancellationToken)
    {
        EdgeNodeLog.DrainingOutbox(_logger, _outbox.Pending);
        while (_online && !cancellationToken.IsCancellationRequested)
        {
            var batch = _outbox.Oldest(DrainBatch);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var record in batch)
            {
                await _lock.WaitAsync(cancellationToken);
                try
                {
                    if (!_online)
                    {
                        return;
                    }

                    await SendHistoricalAsync(record, cancellationToken);
                }
                finally
                {
                    _lock.Release();
                }
            }
        }
    }

    private async Task SendHistoricalAsync(Store.OutboxRecord record, CancellationToken cancellationToken)
    {
        if (record.DeviceId is not null && !_bornDevices.Contains(record.DeviceId))
        {
            EdgeNodeLog.StaleDeviceRecord(_logger, record.DeviceId);
            _outbox.Remove(record.Id);
            return;
        }

        Payload payload;
        try
        {
            payload = Payload.Parser.ParseFrom(record.Payload);
        }
        catch (InvalidProtocolBufferException ex)
        {
            EdgeNodeLog.MalformedMessage(_logger, "outbox record " + record.Id, ex.Message);
            _outbox.Remove(record.Id);
            return;
        }

        foreach (var metric in payload.Metrics)
        {
            metric.IsHistorical = true;
        }

        payload.Seq = NextSeq();
        payload.Timestamp = (ulong)NowMs();
        var topic = record.DeviceId is null
            ? SparkplugTopic.Node(_group, record.MessageType, _settings.KioskId)
            : SparkplugTopic.Device(_group, record.MessageType, _settings.KioskId, record.DeviceId);
        await PublishAsync(topic, payload, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken);
        _outbox.Remove(record.Id);
    }

    private ulong NextSeq()
    {
        var seq = _seq;
        _seq = SparkplugSequence.Next(_seq);
        return seq;
    }

    private async Task PublishAsync(string topic, Payload payload, MqttQualityOfServiceLevel qos, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload.ToByteArray())
            .WithQualityOfServiceLevel(qos)
            .Build();
        var result = await _client.PublishAsync(message, cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"publish to {topic} refused: {result.ReasonCode}");
        }

        Interlocked.Increment(ref _published);
    }
}
