namespace TiepCongDan.EndToEnd.Tests.Screen;

/// <summary>An element's computed text colour, effective background, font size in CSS pixels and box.</summary>
internal sealed record ElementStyle(string Color, string Background, double FontSizePx, bool Visible, double Width, double Height)
{
    public double Contrast => ContrastRatio.Between(Color, Background);
}
