namespace TiepCongDan.Edge.Media.Encoders;

/// <summary>One rung of the bitrate ladder: what ffmpeg encodes to.</summary>
public sealed record EncodeSettings(int Width, int Height, int Fps, int VideoKbps, int AudioKbps, EncoderKind Encoder, int KeyframeSeconds = 2)
{
    /// <summary>Throws with a sentence naming the wrong value.</summary>
    public EncodeSettings Validated()
    {
        if (Width is < 64 or > 3840 || Height is < 36 or > 2160 || Width % 2 != 0 || Height % 2 != 0)
        {
            throw new InvalidOperationException($"Encode: size {Width}x{Height} must be even and between 64x36 and 3840x2160.");
        }

        if (Fps is < 1 or > 60 || VideoKbps is < 50 or > 20000 || AudioKbps is < 16 or > 320 || KeyframeSeconds is < 1 or > 10)
        {
            throw new InvalidOperationException($"Encode: {Fps} fps, {VideoKbps} kbit/s video, {AudioKbps} kbit/s audio, keyframe every {KeyframeSeconds} s is out of range.");
        }

        return this;
    }
}
