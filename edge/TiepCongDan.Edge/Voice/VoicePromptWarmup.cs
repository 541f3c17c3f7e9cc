using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Options;

namespace TiepCongDan.Edge.Voice;

/// <summary>
/// Renders every prompt into the cache when the edge starts (about a second per prompt, only for
/// sentences not rendered before), so the first citizen of the day does not wait for synthesis.
/// A missing espeak-ng or sox is logged with its package; the kiosk keeps working on the screen.
/// </summary>
public sealed class VoicePromptWarmup : BackgroundService
{
    private readonly EdgeVoiceOptions _options;
    private readonly VoicePromptRenderer _renderer;
    private readonly ILogger<VoicePromptWarmup> _logger;

    public VoicePromptWarmup(IOptions<EdgeVoiceOptions> options, VoicePromptRenderer renderer, ILogger<VoicePromptWarmup> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _renderer = renderer;
        _logger = logger;
    }

    /// <summary>Completes when every prompt is in the cache (or rendering failed); for tests and health.</summary>
    public Task Completion => ExecuteTask ?? Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        try
        {
            var files = await _renderer.RenderAllAsync(_options.CacheDirectory, stoppingToken).ConfigureAwait(false);
            VoiceLog.WarmedUp(_logger, files.Count, _options.CacheDirectory);
        }
        catch (Exception e) when (e is VoiceToolMissingException or VoiceToolFailedException or IOException or UnauthorizedAccessException)
        {
            VoiceLog.WarmupFailed(_logger, e.Message);
        }
    }
}
