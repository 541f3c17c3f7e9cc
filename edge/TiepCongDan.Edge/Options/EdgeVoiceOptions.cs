using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.Options;

/// <summary>
/// The spoken guidance (section "Edge:Voice"), validated at start by
/// <see cref="EdgeVoiceOptionsValidator"/>. Prompts are synthesised once by espeak-ng into
/// <see cref="CacheDirectory"/> and played through ffmpeg to an ALSA device, so a citizen who
/// cannot read hears every step.
/// </summary>
public sealed class EdgeVoiceOptions
{
    public const string SectionName = "Edge:Voice";

    /// <summary>Where the image keeps the rendered prompts.</summary>
    public const string DefaultCacheDirectory = "/var/cache/tcd-edge/voice";

    /// <summary>False: the kiosk is silent (the screen still shows every step).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>0 to 100, applied as a linear gain on the rendered prompt: 50 is about 6 dB quieter than 100; 0 is silent.</summary>
    public int Volume { get; set; } = 80;

    /// <summary>Prefix of <see cref="Device"/> that writes each playback to a WAV file in a folder instead of a sound card.</summary>
    public const string FileDevicePrefix = "file:";

    /// <summary>
    /// The ALSA device the prompts are played to, as `aplay -L` names it (default, plughw:1,0, ...),
    /// or file:/some/folder for a kiosk without a speaker (a simulated kiosk, a test): each playback
    /// becomes a WAV file there, listed in playbacks.txt.
    /// </summary>
    public string Device { get; set; } = "default";

    /// <summary>
    /// espeak-ng speed in words per minute. espeak-ng's default is 175; 130 is slow and steady
    /// enough for elderly listeners without sounding drawn out.
    /// </summary>
    public int Rate { get; set; } = 130;

    /// <summary>espeak-ng voice: vi (Northern), vi-vn-x-central or vi-vn-x-south, chosen for the province's accent.</summary>
    public string Voice { get; set; } = "vi";

    /// <summary>The language of the prompts; English is for foreign visitors and for testing, not the default.</summary>
    public VoiceLanguage Language { get; set; } = VoiceLanguage.Vietnamese;

    public string CacheDirectory { get; set; } = DefaultCacheDirectory;

    /// <summary>Loudness every prompt is normalised to (RMS, dBFS), before the volume is applied.</summary>
    public double TargetRmsDb { get; set; } = -20;

    /// <summary>
    /// False (the default, see docs/decisions/0017): no prompt is spoken while the citizen talks with
    /// the officials, because the microphone would send it to them (there is no echo canceller).
    /// </summary>
    public bool SpeakWhileLive { get; set; }

    /// <summary>Seconds one espeak-ng or sox run may take before it is killed.</summary>
    public int ToolTimeoutSeconds { get; set; } = 30;

    public string EspeakPath { get; set; } = "espeak-ng";

    public string SoxPath { get; set; } = "sox";

    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>The linear gain ffmpeg applies for <see cref="Volume"/>.</summary>
    public double Gain => Math.Clamp(Volume, 0, 100) / 100.0;
}
