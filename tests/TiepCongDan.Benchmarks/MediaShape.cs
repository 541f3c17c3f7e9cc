using System.Globalization;

namespace TiepCongDan.Benchmarks;

/// <summary>The picture and bitrate both pipelines encode: one ladder rung at the capture size.</summary>
public sealed record MediaShape(int Width, int Height, int Fps, int Kbps)
{
    /// <summary>Edge:Media:Ladder with this single rung, e.g. "2500k@1280x720".</summary>
    public string Ladder => string.Create(CultureInfo.InvariantCulture, $"{Kbps}k@{Width}x{Height}");
}
