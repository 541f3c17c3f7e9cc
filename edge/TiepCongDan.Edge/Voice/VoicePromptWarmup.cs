using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Reception.Ports;

namespace TiepCongDan.Edge.Voice;

/// <summary>
/// Renders the prompts not yet in the cache in the background, after <see cref="Delay"/> and one
/// by one, waiting while a session runs (synthesis must not compete with the encoder), so the
/// first citizen of the day rarely waits for synthesis. Never holds up the start: the player
/// renders a prompt on its first use anyway. A missing espeak-ng or sox is logged once with its
/// package; the kiosk keeps working on the screen.
/// </summary>
public sealed class VoicePromptWarmup : BackgroundService
{
    private static readonly TimeSpan BusyPoll = TimeSpan.FromSeconds(5);

    private readonly EdgeVoiceOptions _options;
    private readonly VoicePromptRenderer _renderer;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly IReceptionStatus? _status;
    private readonly DateTimeOffset _begin;

    public VoicePromptWarmup(IOptions<EdgeVoiceOptions> options, VoicePromptRenderer renderer, ILogger logger, TimeProvider? time = null, TimeSpan? delay = null, IReceptionStatus? status = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _renderer = renderer;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        Delay = delay ?? TimeSpan.Zero;
        _status = status;
        // Counted from when the host built it, not from when the background task first ran.
        _begin = _time.GetUtcNow() + Delay;
    }

    /// <summary>How long after the host built it the rendering begins.</summary>
    public TimeSpan Delay { get; }

    /// <summary>Completes when every prompt is in the cache (or rendering failed); for tests and health.</summary>
    public Task Completion => ExecuteTask ?? Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        // Off the starting thread at once, whatever the delay.
        await Task.Yield();
        var wait = _begin - _time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, stoppingToken).ConfigureAwait(false);
        }

        try
        {
            foreach (var id in VoicePromptCatalog.All)
            {
                while (_status is { State: not ReceptionState.Idle })
                {
                    await Task.Delay(BusyPoll, _time, stoppingToken).ConfigureAwait(false);
                }

                await _renderer.RenderAsync(id, _options.CacheDirectory, stoppingToken).ConfigureAwait(false);
            }

            VoiceLog.WarmedUp(_logger, VoicePromptCatalog.All.Count, _options.CacheDirectory);
        }
        catch (Exception e) when (e is VoiceToolMissingException or VoiceToolFailedException or IOException or UnauthorizedAccessException)
        {
            VoiceLog.WarmupFailed(_logger, e.Message);
        }
    }
}
