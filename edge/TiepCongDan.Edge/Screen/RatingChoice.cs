namespace TiepCongDan.Edge.Screen;

/// <summary>
/// One of the four satisfaction answers as the page draws it: the key the rating buttons report,
/// the label in the page's language, and the button's background colour (white text on it).
/// </summary>
public sealed record RatingChoice(string Key, string Label, string Colour);
