using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Sparkplug;
using TiepCongDan.Edge.Watchdog;

namespace TiepCongDan.Edge.Hosting;

/// <summary>
/// Runs the node: its connection loop, and the sample loop (one sample per interval, each
/// completed sample beating the liveness the systemd watchdog watches).
/// </summary>
internal sealed partial class EdgeNodeService(
    EdgeNode node,
    INodeLiveness liveness,
    IOptions<EdgeOptions> options,
    TimeProvider time,
    ILogger<EdgeNodeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var opts = options.Value;
        Log.Starting(logger, opts.KioskId, node.GroupId, opts.Mqtt.Host, opts.Mqtt.Port, opts.DataDirectory);
        var connection = Task.Run(() => node.RunAsync(stoppingToken), CancellationToken.None);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(opts.Health.SampleIntervalSeconds), time);
        try
        {
            do
            {
                try
                {
                    await node.SampleAsync(stoppingToken);
                    liveness.Beat();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.SampleFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }

        await connection;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Edge node {KioskId} starting: group {Group}, hub broker {Host}:{Port}, data in {DataDirectory}")]
        public static partial void Starting(ILogger logger, string kioskId, string group, string host, int port, string dataDirectory);

        [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Sampling failed; trying again next interval")]
        public static partial void SampleFailed(ILogger logger, Exception exception);
    }
}
