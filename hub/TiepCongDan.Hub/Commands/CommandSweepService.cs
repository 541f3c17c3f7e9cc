using Microsoft.Extensions.Options;

namespace TiepCongDan.Hub.Commands;

/// <summary>Runs <see cref="CommandService.Sweep"/> every Hub:Commands:SweepIntervalMs.</summary>
public sealed class CommandSweepService(CommandService commands, IOptions<CommandOptions> options, TimeProvider time, ILogger<CommandSweepService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.SweepIntervalMs), time);
        do
        {
            try
            {
                commands.Sweep();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                CommandLog.SweepFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
