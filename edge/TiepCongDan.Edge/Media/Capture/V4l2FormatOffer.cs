namespace TiepCongDan.Edge.Media.Capture;

/// <summary>One pixel format a V4L2 camera offers and its discrete frame sizes.</summary>
public sealed record V4l2FormatOffer(string Format, IReadOnlyList<(int Width, int Height)> Sizes);
