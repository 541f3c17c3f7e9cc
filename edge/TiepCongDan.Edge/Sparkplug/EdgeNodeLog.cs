using Microsoft.Extensions.Logging;

namespace TiepCongDan.Edge.Sparkplug;

/// <summary>Log lines of the Sparkplug edge node (EventIds 2000-2099).</summary>
internal static partial class EdgeNodeLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Connecting to {Host}:{Port} as {KioskId} (bdSeq {BdSeq})")]
    public static partial void Connecting(ILogger logger, string host, int port, string kioskId, ulong bdSeq);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Connected to the hub broker; group {Group}, node {KioskId}, bdSeq {BdSeq}")]
    public static partial void Connected(ILogger logger, string group, string kioskId, ulong bdSeq);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Cannot connect to {Host}:{Port} ({Reason}); retrying in {DelayMs} ms")]
    public static partial void ConnectFailed(ILogger logger, string host, int port, string reason, long delayMs);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Lost the connection to the hub broker ({Reason}); data is kept in the outbox until it returns")]
    public static partial void ConnectionLost(ILogger logger, string reason);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Published NBIRTH (bdSeq {BdSeq}, {MetricCount} metrics) and {DeviceCount} DBIRTH")]
    public static partial void Born(ILogger logger, ulong bdSeq, int metricCount, int deviceCount);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Node command: rebirth requested")]
    public static partial void RebirthRequested(ILogger logger);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "Node command: ping received")]
    public static partial void PingReceived(ILogger logger);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Node command: reboot requested by the hub")]
    public static partial void RebootRequested(ILogger logger);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Node command: service restart requested by the hub")]
    public static partial void RestartRequested(ILogger logger);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Node command: unknown metric '{Metric}' ignored")]
    public static partial void UnknownCommand(ILogger logger, string metric);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Ignored a malformed message on {Topic}: {Reason}")]
    public static partial void MalformedMessage(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Device command for {DeviceId} ignored: devices accept no commands yet")]
    public static partial void DeviceCommandIgnored(ILogger logger, string deviceId);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "Primary host {HostId} is {State}")]
    public static partial void PrimaryHostState(ILogger logger, string hostId, string state);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Information, Message = "Sending {Count} records stored while offline (is_historical)")]
    public static partial void DrainingOutbox(ILogger logger, long count);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Debug, Message = "Offline: stored {MessageType} record {Id} in the outbox ({Pending} pending)")]
    public static partial void Stored(ILogger logger, string messageType, long id, long pending);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Information, Message = "Device {DeviceId} is {Status}: {Reason}")]
    public static partial void DeviceChanged(ILogger logger, string deviceId, string status, string reason);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Warning, Message = "Device {DeviceId} detached (DDEATH)")]
    public static partial void DeviceDetached(ILogger logger, string deviceId);

    [LoggerMessage(EventId = 2017, Level = LogLevel.Warning, Message = "Publishing failed ({Reason}); the record is kept in the outbox")]
    public static partial void PublishFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 2018, Level = LogLevel.Error, Message = "Node command {Command} failed")]
    public static partial void CommandFailed(ILogger logger, Exception exception, string command);

    [LoggerMessage(EventId = 2019, Level = LogLevel.Warning, Message = "Low disk space on the data partition: {FreeBytes} bytes free")]
    public static partial void LowDisk(ILogger logger, ulong freeBytes);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "Disconnected from the hub broker after publishing NDEATH (shutdown)")]
    public static partial void ShutdownDeath(ILogger logger);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Warning, Message = "Dropped a stored record for device {DeviceId}: the device is no longer attached")]
    public static partial void StaleDeviceRecord(ILogger logger, string deviceId);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Error, Message = "Refused the hub's TLS certificate from {Host}: {Reason}; check Edge:Mqtt:CaCertificatePath against the province CA")]
    public static partial void ServerCertificateRefused(ILogger logger, string host, string reason);
}
