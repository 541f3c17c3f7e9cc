using System.Globalization;
using System.Text;

namespace TiepCongDan.CardSim.Cccd;

/// <summary>MRZ text rules of ICAO 9303-3: the 7-3-1 check digit, filler and name transliteration.</summary>
internal static class MrzText
{
    private static readonly int[] Weights = [7, 3, 1];

    public static char CheckDigit(string field)
    {
        var sum = 0;
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            var value = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                '<' => 0,
                _ => throw new ArgumentException($"'{c}' cannot appear in an MRZ field.", nameof(field)),
            };
            sum += value * Weights[i % 3];
        }

        return (char)('0' + (sum % 10));
    }

    /// <summary>Pads with '&lt;' (or cuts) to exactly <paramref name="length"/>.</summary>
    public static string Field(string value, int length) =>
        value.Length >= length ? value[..length] : value.PadRight(length, '<');

    /// <summary>"Nguyễn Thị Ánh Tuyết" → "NGUYEN&lt;&lt;THI&lt;ANH&lt;TUYET": the family name first, diacritics removed, Đ as D.</summary>
    public static string Name(string fullName)
    {
        var decomposed = fullName.Replace('Đ', 'D').Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            plain.Append(upper is >= 'A' and <= 'Z' ? upper : ' ');
        }

        var words = plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 1 ? words[0] : words[0] + "<<" + string.Join('<', words[1..]);
    }
}
