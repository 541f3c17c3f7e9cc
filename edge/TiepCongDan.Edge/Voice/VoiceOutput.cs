namespace TiepCongDan.Edge.Voice;

/// <summary>
/// The lowest layer of playback: where ffmpeg writes the prompt. The real kiosk writes to an ALSA
/// device; tests write each playback to a WAV file in real time (ffmpeg `arealtime`), so everything above
/// (gain, interruption, suppression) is the same code with or without a sound card.
/// Implementations are called by one player at a time.
/// </summary>
public abstract class VoiceOutput
{
    /// <summary>
    /// True when the output does not pace itself (a file): ffmpeg then plays at real time
    /// (`arealtime`), so a playback lasts as long as on a speaker and can be interrupted the same way.
    /// A sound card paces itself and must not be throttled twice (it would run dry and click).
    /// </summary>
    public abstract bool NeedsPacing { get; }

    /// <summary>ffmpeg's output arguments for the <paramref name="playbackNumber"/>-th playback (1, 2, ...).</summary>
    public abstract IReadOnlyList<string> OutputArguments(long playbackNumber);
}
