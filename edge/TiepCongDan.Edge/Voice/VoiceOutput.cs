namespace TiepCongDan.Edge.Voice;

/// <summary>
/// The lowest layer of playback: where ffmpeg writes the prompt. The real kiosk writes to an ALSA
/// device; tests write each playback to a WAV file in real time (ffmpeg `-re`), so everything above
/// (gain, interruption, suppression) is the same code with or without a sound card.
/// Implementations are called by one player at a time.
/// </summary>
public abstract class VoiceOutput
{
    /// <summary>ffmpeg's output arguments for the <paramref name="playbackNumber"/>-th playback (1, 2, ...).</summary>
    public abstract IReadOnlyList<string> OutputArguments(long playbackNumber);
}
