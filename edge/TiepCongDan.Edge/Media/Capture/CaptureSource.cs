namespace TiepCongDan.Edge.Media.Capture;

/// <summary>Where the picture and sound come from.</summary>
public enum CaptureSource
{
    /// <summary>ffmpeg's lavfi test sources with a <see cref="TiepCongDan.Contracts.Media.FrameStamp"/>: tests and kiosks without a camera.</summary>
    Simulated,

    /// <summary>A USB camera through V4L2 and a microphone through ALSA.</summary>
    V4l2,
}
