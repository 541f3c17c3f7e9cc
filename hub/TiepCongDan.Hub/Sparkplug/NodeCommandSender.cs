using Google.Protobuf;
using Microsoft.Extensions.Logging;
using MQTTnet.Protocol;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;

namespace TiepCongDan.Hub.Sparkplug;

/// <summary>
/// Writes NCMD messages to a kiosk: one Boolean Node Control metric set to true, and with a remote
/// command the hub's id of it as the String metric <see cref="NodeMetrics.CommandId"/> (the kiosk reports under it).
/// </summary>
public sealed class NodeCommandSender
{
    private readonly HostConnection _connection;
    private readonly TimeProvider _time;
    private readonly ILogger<NodeCommandSender> _logger;

    public NodeCommandSender(HostConnection connection, TimeProvider time, ILogger<NodeCommandSender> logger)
    {
        _connection = connection;
        _time = time;
        _logger = logger;
    }

    public static string TopicFor(string kioskId) =>
        SparkplugTopic.Node(KioskId.ProvinceOf(kioskId), SparkplugMessageType.NCMD, kioskId);

    /// <summary>Sends the command; false when the host is not connected or the publish failed (logged).</summary>
    public Task<bool> SendAsync(string kioskId, string metricName, CancellationToken cancellationToken) =>
        SendAsync(kioskId, metricName, null, cancellationToken);

    /// <summary>As <see cref="SendAsync(string, string, CancellationToken)"/>, with the command's id when not null.</summary>
    public async Task<bool> SendAsync(string kioskId, string metricName, string? commandId, CancellationToken cancellationToken)
    {
        var now = (ulong)_time.GetUtcNow().ToUnixTimeMilliseconds();
        var payload = new Payload { Timestamp = now };
        if (commandId is not null)
        {
            payload.Metrics.Add(MetricFactory.Create(NodeMetrics.CommandId, 0, SparkplugValue.Of(commandId), now));
        }

        payload.Metrics.Add(MetricFactory.Create(metricName, 0, SparkplugValue.Of(true), now));
        try
        {
            if (!_connection.IsConnected)
            {
                HostLog.CommandFailed(_logger, kioskId, metricName, "the hub is not connected to the broker");
                return false;
            }

            await _connection.PublishAsync(TopicFor(kioskId), payload.ToByteArray(), MqttQualityOfServiceLevel.AtMostOnce, retain: false, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            HostLog.CommandFailed(_logger, kioskId, metricName, ex.Message);
            return false;
        }
    }
}
