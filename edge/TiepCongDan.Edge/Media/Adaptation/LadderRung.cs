namespace TiepCongDan.Edge.Media.Adaptation;

/// <summary>One encoder setting the kiosk may switch to: picture size and video bitrate.</summary>
public sealed record LadderRung(string Name, int Width, int Height, int VideoKbps)
{
    public override string ToString() => $"{Name} ({Width}x{Height} @ {VideoKbps} kbit/s)";
}
