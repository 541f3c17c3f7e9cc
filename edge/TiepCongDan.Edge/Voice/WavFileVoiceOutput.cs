using System.Globalization;

namespace TiepCongDan.Edge.Voice;

/// <summary>
/// An "ALSA device" that is a folder: each playback becomes playback-N.wav, written at the pace a
/// sound card would take it, and a line "N Prompt" in playbacks.txt says what it was. For tests,
/// for a simulated kiosk (Edge:Voice:Device=file:DIR) and for checking a kiosk's prompts without a speaker.
/// </summary>
public sealed class WavFileVoiceOutput : VoiceOutput
{
    public WavFileVoiceOutput(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary>The index: one line "N Prompt" per finished playback, in order.</summary>
    public string IndexPath => Path.Combine(Directory, "playbacks.txt");

    /// <summary>Notes that <paramref name="playbackNumber"/> spoke <paramref name="prompt"/> (called once it finished).</summary>
    public void Record(long playbackNumber, VoicePromptId prompt) =>
        File.AppendAllText(IndexPath, playbackNumber.ToString(CultureInfo.InvariantCulture) + " " + prompt + "\n");

    /// <summary>The file the given playback is written to.</summary>
    public string PathOf(long playbackNumber) =>
        Path.Combine(Directory, "playback-" + playbackNumber.ToString(CultureInfo.InvariantCulture) + ".wav");

    public override bool NeedsPacing => true;

    public override IReadOnlyList<string> OutputArguments(long playbackNumber) => ["-f", "wav", "-y", PathOf(playbackNumber)];
}
