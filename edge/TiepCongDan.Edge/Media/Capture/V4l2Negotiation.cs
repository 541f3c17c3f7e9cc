namespace TiepCongDan.Edge.Media.Capture;

/// <summary>The format and size asked of the camera; <see cref="Note"/> says what differs from the settings (empty when nothing).</summary>
public sealed record V4l2Negotiation(string InputFormat, int Width, int Height, string Note);
