namespace TiepCongDan.Edge.Screen;

/// <summary>The languages the kiosk page speaks: Vietnamese first, English for foreign residents and visitors.</summary>
public static class KioskScreenLanguages
{
    public const string Vietnamese = "vi";

    public const string English = "en";

    public static bool IsKnown(string? language) => language is Vietnamese or English;
}
