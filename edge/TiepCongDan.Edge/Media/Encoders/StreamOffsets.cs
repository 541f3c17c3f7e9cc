namespace TiepCongDan.Edge.Media.Encoders;

/// <summary>
/// Where a (re)started ffmpeg continues the session: its output timestamps start at
/// <see cref="OutputTsOffsetSeconds"/>, the stamp's frame numbers at <see cref="FrameOffset"/>, and its
/// first frame's capture time is <see cref="FirstFrameUnixMs"/>.
/// </summary>
public sealed record StreamOffsets(double OutputTsOffsetSeconds, long FrameOffset, long FirstFrameUnixMs)
{
    /// <summary>The first start of a session.</summary>
    public static StreamOffsets SessionStart(DateTimeOffset now) => new(0, 0, now.ToUnixTimeMilliseconds());
}
