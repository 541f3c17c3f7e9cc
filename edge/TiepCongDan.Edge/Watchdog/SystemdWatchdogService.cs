using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Options;

namespace TiepCongDan.Edge.Watchdog;

/// <summary>
/// Sends WATCHDOG=1 every WATCHDOG_USEC/2 while the node loop is alive. Microsoft's systemd
/// integration sends READY and STOPPING only; without this, WatchdogSec= would kill a healthy
/// service, and with a blind timer it would keep a hung one alive.
/// </summary>
public sealed partial class SystemdWatchdogService(
    INodeLiveness liveness,
    IOptions<EdgeOptions> options,
    TimeProvider time,
    ILogger<SystemdWatchdogService> logger,
    WatchdogSettings? settings = null) : BackgroundService
{
    /// <summary>A loop that missed this many sample intervals is considered stuck.</summary>
    private const int MissedSamplesAllowed = 3;

    private readonly WatchdogSettings? _settings = settings ?? WatchdogSettings.FromEnvironment(Environment.GetEnvironmentVariable, Environment.ProcessId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_settings is null)
        {
            return;
        }

        var maxAge = TimeSpan.FromSeconds(options.Value.Health.SampleIntervalSeconds * MissedSamplesAllowed) + TimeSpan.FromSeconds(5);
        Log.Enabled(logger, _settings.NotifySocket, (long)_settings.Interval.TotalMilliseconds);
        using var socket = new SystemdNotifySocket(_settings.NotifySocket);
        using var timer = new PeriodicTimer(_settings.Interval, time);
        var petting = true;
        do
        {
            if (liveness.IsAlive(maxAge))
            {
                try
                {
                    socket.Send("WATCHDOG=1");
                }
                catch (System.Net.Sockets.SocketException ex)
                {
                    Log.SendFailed(logger, ex.Message);
                }

                petting = true;
            }
            else if (petting)
            {
                Log.LoopStalled(logger, (long)maxAge.TotalSeconds);
                petting = false;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false) is true);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "systemd watchdog enabled: notifying {Socket} every {IntervalMs} ms while the node loop is alive")]
        public static partial void Enabled(ILogger logger, string socket, long intervalMs);

        [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "The node loop has not completed a sample for {Seconds} s: no longer petting the systemd watchdog, systemd will restart the service")]
        public static partial void LoopStalled(ILogger logger, long seconds);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Could not notify systemd: {Error}")]
        public static partial void SendFailed(ILogger logger, string error);
    }
}
