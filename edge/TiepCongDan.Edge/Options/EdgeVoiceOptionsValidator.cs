using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TiepCongDan.Edge.Options;

/// <summary>Checks "Edge:Voice" at start: one sentence per mistake, naming the key, for a technician at a commune office.</summary>
public sealed partial class EdgeVoiceOptionsValidator : IValidateOptions<EdgeVoiceOptions>
{
    public ValidateOptionsResult Validate(string? name, EdgeVoiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.Volume is < 0 or > 100)
        {
            failures.Add($"Edge:Voice:Volume is {options.Volume}: use 0 (silent) to 100 (full loudness of the rendered prompt).");
        }

        if (options.Rate is < 80 or > 260)
        {
            failures.Add($"Edge:Voice:Rate is {options.Rate}: use 80 to 260 words per minute (130 suits elderly listeners; espeak-ng's default is 175).");
        }

        if (options.Device?.StartsWith(EdgeVoiceOptions.FileDevicePrefix, StringComparison.Ordinal) == true)
        {
            if (!Path.IsPathFullyQualified(options.Device[EdgeVoiceOptions.FileDevicePrefix.Length..]))
            {
                failures.Add($"Edge:Voice:Device '{options.Device}' names no absolute folder: write file:/var/lib/tcd-edge/voice-out, or an ALSA device name.");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.Device) || options.Device.Any(char.IsWhiteSpace))
        {
            failures.Add($"Edge:Voice:Device '{options.Device}' is not an ALSA device name: use one that `aplay -L` lists, e.g. default or plughw:1,0 (or file:/folder for WAV files).");
        }

        if (!VoiceName().IsMatch(options.Voice ?? string.Empty))
        {
            failures.Add($"Edge:Voice:Voice '{options.Voice}' is not an espeak-ng voice name: use vi, vi-vn-x-central or vi-vn-x-south (see `espeak-ng --voices=vi`).");
        }

        if (!Enum.IsDefined(options.Language))
        {
            failures.Add($"Edge:Voice:Language '{options.Language}' is unknown: use Vietnamese or English.");
        }

        if (string.IsNullOrWhiteSpace(options.CacheDirectory) || !Path.IsPathFullyQualified(options.CacheDirectory))
        {
            failures.Add($"Edge:Voice:CacheDirectory '{options.CacheDirectory}' must be an absolute path, e.g. {EdgeVoiceOptions.DefaultCacheDirectory}.");
        }

        if (double.IsNaN(options.TargetRmsDb) || options.TargetRmsDb is < -40 or > -10)
        {
            failures.Add($"Edge:Voice:TargetRmsDb is {options.TargetRmsDb}: use -40 to -10 dBFS (-20 leaves room for speech peaks without clipping).");
        }

        if (options.ToolTimeoutSeconds is < 1 or > 600)
        {
            failures.Add($"Edge:Voice:ToolTimeoutSeconds is {options.ToolTimeoutSeconds}: use 1 to 600 seconds.");
        }

        foreach (var (key, value) in new[] { ("EspeakPath", options.EspeakPath), ("SoxPath", options.SoxPath), ("FfmpegPath", options.FfmpegPath) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"Edge:Voice:{key} is empty: leave it unset for the program on PATH, or give its full path.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex VoiceName();
}
