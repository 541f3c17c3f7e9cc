using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Sparkplug;

namespace TiepCongDan.Edge.Hosting;

/// <summary>
/// Node Control on a real kiosk. Restart Service stops the host with exit code 75 so systemd's
/// Restart= brings it back; Reboot runs `systemctl reboot` only when Edge:NodeControl:AllowReboot is true.
/// </summary>
internal sealed partial class SystemNodeControl(
    IHostApplicationLifetime lifetime,
    IOptions<EdgeOptions> options,
    ILogger<SystemNodeControl> logger) : INodeControl
{
    /// <summary>EX_TEMPFAIL: "try again", which Restart=on-failure acts on.</summary>
    public const int RestartExitCode = 75;

    public async Task RebootAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.NodeControl.AllowReboot)
        {
            Log.RebootRefused(logger);
            return;
        }

        Log.Rebooting(logger);
        using var process = Process.Start(new ProcessStartInfo("systemctl", "reboot") { UseShellExecute = false })
            ?? throw new InvalidOperationException("systemctl could not be started");
        await process.WaitForExitAsync(cancellationToken);
    }

    public Task RestartServiceAsync(CancellationToken cancellationToken)
    {
        Log.Restarting(logger, RestartExitCode);
        Environment.ExitCode = RestartExitCode;
        lifetime.StopApplication();
        return Task.CompletedTask;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Reboot refused: Edge:NodeControl:AllowReboot is false on this kiosk")]
        public static partial void RebootRefused(ILogger logger);

        [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Rebooting the kiosk (systemctl reboot)")]
        public static partial void Rebooting(ILogger logger);

        [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Stopping with exit code {ExitCode} so systemd restarts the service")]
        public static partial void Restarting(ILogger logger, int exitCode);
    }
}
