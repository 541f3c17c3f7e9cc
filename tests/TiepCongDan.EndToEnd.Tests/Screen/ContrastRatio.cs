using System.Globalization;
using System.Text.RegularExpressions;

namespace TiepCongDan.EndToEnd.Tests.Screen;

/// <summary>WCAG 2 contrast ratio between two CSS colours as getComputedStyle reports them ("rgb(17, 17, 17)").</summary>
internal static partial class ContrastRatio
{
    public static double Between(string foreground, string background)
    {
        var l1 = RelativeLuminance(Parse(foreground));
        var l2 = RelativeLuminance(Parse(background));
        return (Math.Max(l1, l2) + 0.05) / (Math.Min(l1, l2) + 0.05);
    }

    public static (double R, double G, double B, double A) Parse(string css)
    {
        var match = RgbFunction().Match(css);
        if (!match.Success)
        {
            throw new FormatException($"'{css}' is not an rgb()/rgba() colour.");
        }

        var parts = match.Groups[1].Value.Split([' ', ',', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => double.Parse(p, CultureInfo.InvariantCulture))
            .ToArray();
        return (parts[0], parts[1], parts[2], parts.Length > 3 ? parts[3] : 1);
    }

    private static double RelativeLuminance((double R, double G, double B, double A) c) =>
        (0.2126 * Channel(c.R)) + (0.7152 * Channel(c.G)) + (0.0722 * Channel(c.B));

    private static double Channel(double value)
    {
        var v = value / 255;
        return v <= 0.04045 ? v / 12.92 : Math.Pow((v + 0.055) / 1.055, 2.4);
    }

    [GeneratedRegex(@"^rgba?\(([^)]*)\)$")]
    private static partial Regex RgbFunction();
}
