using Microsoft.Extensions.Logging;

namespace TiepCongDan.Hub.Sparkplug;

/// <summary>Log lines of the Sparkplug primary host (event ids 2000-2099).</summary>
internal static partial class HostLog
{
    [LoggerMessage(2000, LogLevel.Information, "Primary host {HostId} connected to {Broker}; STATE online published")]
    public static partial void Connected(ILogger logger, string hostId, string broker);

    [LoggerMessage(2001, LogLevel.Warning, "Primary host could not connect to {Broker}: {Error}; retrying in {DelaySeconds:0.0} s")]
    public static partial void ConnectFailed(ILogger logger, string broker, string error, double delaySeconds);

    [LoggerMessage(2002, LogLevel.Warning, "Primary host lost its broker connection: {Reason}")]
    public static partial void Disconnected(ILogger logger, string reason);

    [LoggerMessage(2003, LogLevel.Information, "Kiosk {KioskId} born (bdSeq {BdSeq}, {MetricCount} metrics)")]
    public static partial void Birth(ILogger logger, string kioskId, long bdSeq, int metricCount);

    [LoggerMessage(2004, LogLevel.Information, "Kiosk {KioskId} died (bdSeq {BdSeq}): offline")]
    public static partial void Death(ILogger logger, string kioskId, long bdSeq);

    [LoggerMessage(2005, LogLevel.Information, "stale death ignored for kiosk {KioskId}: NDEATH bdSeq {DeathBdSeq}, current birth bdSeq {BirthBdSeq}")]
    public static partial void StaleDeath(ILogger logger, string kioskId, long deathBdSeq, string birthBdSeq);

    [LoggerMessage(2006, LogLevel.Information, "Rebirth requested from kiosk {KioskId} ({Reason})")]
    public static partial void RebirthRequested(ILogger logger, string kioskId, string reason);

    [LoggerMessage(2007, LogLevel.Debug, "Dropped message on {Topic}: {Reason}")]
    public static partial void Dropped(ILogger logger, string topic, string reason);

    [LoggerMessage(2008, LogLevel.Warning, "Kiosk {KioskId} silent for {Seconds} s without an NDEATH: shown offline")]
    public static partial void SilentOffline(ILogger logger, string kioskId, int seconds);

    [LoggerMessage(2009, LogLevel.Warning, "Could not send {Metric} to kiosk {KioskId}: {Error}")]
    public static partial void CommandFailed(ILogger logger, string kioskId, string metric, string error);

    [LoggerMessage(2010, LogLevel.Error, "Unexpected error handling {Topic}; message dropped")]
    public static partial void HandlerError(ILogger logger, string topic, Exception exception);
}
