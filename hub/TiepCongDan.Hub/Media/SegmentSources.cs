namespace TiepCongDan.Hub.Media;

/// <summary>Values of <see cref="MediaSegmentRow.Source"/>.</summary>
public static class SegmentSources
{
    public const string Upload = "upload";
    public const string Live = "live";
}
