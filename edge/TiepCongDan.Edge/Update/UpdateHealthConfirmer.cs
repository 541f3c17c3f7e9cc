using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TiepCongDan.Edge.Update;

/// <summary>
/// Confirms a pending update once this edge has been online towards the hub for
/// <see cref="UpdateOptions.ConfirmAfterSeconds"/> without a break. It confirms only the version
/// <c>current</c> pointed at when this process started, so the old process, still running between
/// the switch and its restart, can never confirm the new version.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UpdateHealthConfirmer(
    UpdateManager manager,
    IHubOnlineSignal online,
    IOptions<UpdateOptions> options,
    TimeProvider time,
    ILogger<UpdateHealthConfirmer> logger) : BackgroundService
{
    private readonly string? _startedAs = UpdateLayout.LinkVersion(manager.Layout.Current);

    /// <summary>True once this process has written its confirmation (or nothing was pending for it).</summary>
    public bool Done { get; private set; }

    private long _checks;

    /// <summary>How many times the loop has looked at the node (tests step fake time by it).</summary>
    internal long Checks => Interlocked.Read(ref _checks);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var opts = options.Value;
        if (!opts.Enabled || _startedAs is null)
        {
            return;
        }

        var needed = TimeSpan.FromSeconds(opts.ConfirmAfterSeconds);
        long? onlineSince = null;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, opts.CheckIntervalSeconds)), time);
        try
        {
            do
            {
                Interlocked.Increment(ref _checks);
                var pending = manager.ReadMarker();
                if (pending is null || pending.Version != _startedAs)
                {
                    // Nothing pending for us: an old marker for another version is the guard's business.
                    onlineSince = null;
                    continue;
                }

                if (!online.IsOnline)
                {
                    onlineSince = null;
                    continue;
                }

                onlineSince ??= time.GetTimestamp();
                var elapsed = time.GetElapsedTime(onlineSince.Value);
                if (elapsed < needed)
                {
                    continue;
                }

                try
                {
                    if (manager.Confirm(_startedAs) is { } confirmation)
                    {
                        UpdateLog.Confirmed(logger, confirmation.Id, confirmation.Version, (int)elapsed.TotalSeconds);
                        Done = true;
                        return;
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    UpdateLog.ConfirmFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
