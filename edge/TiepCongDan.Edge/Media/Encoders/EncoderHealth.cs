namespace TiepCongDan.Edge.Media.Encoders;

/// <summary>
/// A snapshot of one ffmpeg run's health, from its -progress output and the analysis filters.
/// <see cref="AudioRmsDbfs"/> is null until measured and negative infinity for digital silence.
/// </summary>
public sealed record EncoderHealth(
    long FramesOut,
    long DroppedFrames,
    long DuplicatedFrames,
    double Fps,
    double Speed,
    double OutputKbps,
    double? AudioRmsDbfs,
    DateTimeOffset? SilenceSince,
    DateTimeOffset? FrozenSince,
    string LastErrorLine)
{
    public static EncoderHealth Empty { get; } = new(0, 0, 0, 0, 0, 0, null, null, null, string.Empty);
}
