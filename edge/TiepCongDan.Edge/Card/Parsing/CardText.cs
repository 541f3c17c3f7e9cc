using System.Text;

namespace TiepCongDan.Edge.Card.Parsing;

/// <summary>Text from a card or scanner in one form (NFC), so the same name always compares equal and prints the same.</summary>
internal static class CardText
{
    public static string Nfc(string text, string what)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException e)
        {
            // A lone surrogate: the scanner or card produced broken UTF-16.
            throw new CardDataException($"{what} contains invalid Unicode", e);
        }
    }
}
