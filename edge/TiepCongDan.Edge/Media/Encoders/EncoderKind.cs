namespace TiepCongDan.Edge.Media.Encoders;

/// <summary>Which H.264 encoder ffmpeg uses.</summary>
public enum EncoderKind
{
    /// <summary>The Pi 4's hardware encoder when present (see <see cref="EncoderSelector"/>), otherwise libx264.</summary>
    Auto,

    /// <summary>Software x264: x86 mini-PCs and the Raspberry Pi 5 (which has no H.264 encoder).</summary>
    Libx264,

    /// <summary>V4L2 mem2mem hardware encoder (/dev/video11, bcm2835-codec-encode on a Pi 4).</summary>
    H264V4l2m2m,
}
