namespace TiepCongDan.Edge.Voice;

/// <summary>How one playback ended.</summary>
public enum VoicePlaybackOutcome
{
    /// <summary>Played to the end.</summary>
    Completed,

    /// <summary>A newer prompt (or Stop) cut it short, or it never started because a newer one came first.</summary>
    Interrupted,

    /// <summary>Not played: voice disabled, volume 0, or the citizen is live with the officials.</summary>
    Suppressed,

    /// <summary>Rendering or ffmpeg failed; the failure is logged (the screen still shows the step).</summary>
    Failed,
}
