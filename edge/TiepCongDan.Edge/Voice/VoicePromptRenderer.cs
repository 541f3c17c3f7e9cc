using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.Edge.Options;

namespace TiepCongDan.Edge.Voice;

/// <summary>
/// Synthesises prompts once with espeak-ng and normalises them with sox, into a cache directory
/// keyed by a hash of everything that changes the sound (text, voice, rate, loudness), so playing
/// a prompt never waits for synthesis and a changed sentence is rendered afresh. Safe to call from
/// several threads: renders run one at a time.
/// </summary>
public sealed class VoicePromptRenderer : IDisposable
{
    // Bumped when the render pipeline itself changes, so old cache files are not reused.
    private const string PipelineVersion = "1";
    private const int SampleRate = 22050;

    private readonly EdgeVoiceOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public VoicePromptRenderer(EdgeVoiceOptions options, ILogger<VoicePromptRenderer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public void Dispose() => _oneAtATime.Dispose();

    /// <summary>The text spoken for <paramref name="id"/> in the configured language.</summary>
    public string TextOf(VoicePromptId id) => VoicePromptCatalog.Text(id, _options.Language);

    /// <summary>Hex SHA-256 of (pipeline, voice, rate, loudness, text): the cache file's name.</summary>
    public string CacheKey(VoicePromptId id)
    {
        var voice = VoicePromptCatalog.EspeakVoice(_options.Language, _options.Voice);
        var material = string.Join('\n', PipelineVersion, voice, _options.Rate.ToString(CultureInfo.InvariantCulture),
            _options.TargetRmsDb.ToString("0.0", CultureInfo.InvariantCulture), TextOf(id).Normalize(NormalizationForm.FormC));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    /// <summary>Where the rendered prompt is (or will be) kept in <paramref name="directory"/>.</summary>
    public string PathFor(VoicePromptId id, string directory) => Path.Combine(directory, CacheKey(id) + ".wav");

    /// <summary>Renders every prompt that is not in the cache yet; returns each prompt's file.</summary>
    /// <exception cref="VoiceToolMissingException">espeak-ng or sox is not installed.</exception>
    /// <exception cref="VoiceToolFailedException">A tool failed or overran its time.</exception>
    public async Task<IReadOnlyDictionary<VoicePromptId, string>> RenderAllAsync(string directory, CancellationToken cancellationToken = default)
    {
        var files = new Dictionary<VoicePromptId, string>();
        foreach (var id in VoicePromptCatalog.All)
        {
            files[id] = await RenderAsync(id, directory, cancellationToken).ConfigureAwait(false);
        }

        return files;
    }

    /// <summary>The prompt's WAV file, rendered now if the cache does not hold it.</summary>
    /// <exception cref="VoiceToolMissingException">espeak-ng or sox is not installed.</exception>
    /// <exception cref="VoiceToolFailedException">A tool failed or overran its time.</exception>
    public async Task<string> RenderAsync(VoicePromptId id, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var target = PathFor(id, directory);
        if (File.Exists(target))
        {
            return target;
        }

        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (File.Exists(target))
            {
                return target;
            }

            Directory.CreateDirectory(directory);
            var scratch = Path.Combine(directory, $".render-{Guid.NewGuid():N}");
            var raw = scratch + "-raw.wav";
            var normalised = scratch + ".wav";
            try
            {
                await SynthesiseAsync(id, raw, cancellationToken).ConfigureAwait(false);
                var rms = await MeasureRmsAsync(raw, cancellationToken).ConfigureAwait(false);
                await NormaliseAsync(raw, normalised, _options.TargetRmsDb - rms, cancellationToken).ConfigureAwait(false);
                // Renamed in place only when complete: a crash mid-render never leaves a truncated prompt in the cache.
                File.Move(normalised, target, overwrite: true);
                VoiceLog.Rendered(_logger, id, target);
                return target;
            }
            finally
            {
                File.Delete(raw);
                File.Delete(normalised);
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private TimeSpan Timeout => TimeSpan.FromSeconds(_options.ToolTimeoutSeconds);

    private Task SynthesiseAsync(VoicePromptId id, string raw, CancellationToken cancellationToken) =>
        VoiceToolRunner.RunAsync(VoiceTool.EspeakNg, _options.EspeakPath,
        [
            "-v", VoicePromptCatalog.EspeakVoice(_options.Language, _options.Voice),
            "-s", _options.Rate.ToString(CultureInfo.InvariantCulture),
            // Longer pauses between words help elderly listeners follow.
            "-g", "2",
            "-b", "1",
            "-w", raw,
            TextOf(id).Normalize(NormalizationForm.FormC),
        ], Timeout, cancellationToken);

    private async Task<double> MeasureRmsAsync(string wav, CancellationToken cancellationToken)
    {
        var stats = await VoiceToolRunner.RunAsync(VoiceTool.Sox, _options.SoxPath, [wav, "-n", "stats"], Timeout, cancellationToken).ConfigureAwait(false);
        return SoxStats.RmsDb(stats);
    }

    private Task NormaliseAsync(string raw, string normalised, double gainDb, CancellationToken cancellationToken) =>
        VoiceToolRunner.RunAsync(VoiceTool.Sox, _options.SoxPath,
        [
            // No dither: sox seeds it from the file name, and the cache must be byte-identical wherever it is rendered.
            "-D",
            raw, "-r", SampleRate.ToString(CultureInfo.InvariantCulture), "-b", "16", "-c", "1", normalised,
            // A little silence first: an ALSA device waking from idle swallows the first milliseconds.
            "pad", "0.2", "0.1",
            // -l: a limiter instead of clipping when the gain pushes a peak over full scale.
            "gain", "-l", gainDb.ToString("0.00", CultureInfo.InvariantCulture),
        ], Timeout, cancellationToken);
}
