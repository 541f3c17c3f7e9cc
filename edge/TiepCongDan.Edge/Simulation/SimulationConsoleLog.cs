using Microsoft.Extensions.Logging;

namespace TiepCongDan.Edge.Simulation;

/// <summary>Log lines of the simulation console (EventIds 8800-8849). Actions only: never a scanned text or an ID, even a made-up one.</summary>
internal static partial class SimulationConsoleLog
{
    [LoggerMessage(EventId = 8800, Level = LogLevel.Warning, Message = "Simulation console listening on {Url} (loopback only): cards, buttons, camera and microphone can be driven from outside")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(EventId = 8801, Level = LogLevel.Information, Message = "Simulation console: {Method} {Path} -> {Status}")]
    public static partial void Acted(ILogger logger, string method, string path, int status);

    /// <summary>Reads (GET /sim/state) at Debug: tests and benches poll it many times a second.</summary>
    [LoggerMessage(EventId = 8805, Level = LogLevel.Debug, Message = "Simulation console: {Method} {Path} -> {Status}")]
    public static partial void Read(ILogger logger, string method, string path, int status);

    [LoggerMessage(EventId = 8802, Level = LogLevel.Warning, Message = "Simulation console refused a request for host '{Host}' (only 127.0.0.1 is served)")]
    public static partial void ForeignHost(ILogger logger, string host);

    [LoggerMessage(EventId = 8803, Level = LogLevel.Warning, Message = "Simulation console request failed: {Reason}")]
    public static partial void RequestFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 8804, Level = LogLevel.Error, Message = "Simulation console action {Path} failed")]
    public static partial void ActionFailed(ILogger logger, Exception exception, string path);
}
