using TiepCongDan.Contracts.Media;

namespace TiepCongDan.Benchmarks;

/// <summary>One decoded picture at the receiver: when it came out of the decoder (Unix ms, this host's clock) and the stamp it carried.</summary>
public readonly record struct StampedFrame(long DecodedUnixMs, FrameStampValue Stamp)
{
    /// <summary>Decode time minus the capture time burned into the picture (same host, same clock).</summary>
    public long GlassToGlassMs => DecodedUnixMs - Stamp.CaptureUnixMs;
}
