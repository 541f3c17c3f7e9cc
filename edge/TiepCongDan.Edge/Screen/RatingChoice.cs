namespace TiepCongDan.Edge.Screen;

/// <summary>
/// One of the four satisfaction answers as the page draws it: the key the rating buttons report,
/// the label in the page's language, and the button's background and text colours (the physical
/// button's colour, which the voice names: green, blue, yellow, red).
/// </summary>
public sealed record RatingChoice(string Key, string Label, string Colour, string TextColour);
