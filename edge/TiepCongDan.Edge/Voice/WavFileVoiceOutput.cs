using System.Globalization;

namespace TiepCongDan.Edge.Voice;

/// <summary>
/// An "ALSA device" that is a folder: each playback becomes playback-N.wav, written at the pace a
/// sound card would take it. For tests and for checking a kiosk's prompts without a speaker.
/// </summary>
public sealed class WavFileVoiceOutput : VoiceOutput
{
    public WavFileVoiceOutput(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary>The file the given playback is written to.</summary>
    public string PathOf(long playbackNumber) =>
        Path.Combine(Directory, "playback-" + playbackNumber.ToString(CultureInfo.InvariantCulture) + ".wav");

    public override bool NeedsPacing => true;

    public override IReadOnlyList<string> OutputArguments(long playbackNumber) => ["-f", "wav", "-y", PathOf(playbackNumber)];
}
