namespace TiepCongDan.Edge.Card.Parsing;

/// <summary>ICAO 9303-3 check digit: weights 7, 3, 1; digits count as themselves, A-Z as 10-35, '&lt;' as 0.</summary>
public static class MrzCheckDigit
{
    public static char Compute(ReadOnlySpan<char> field)
    {
        ReadOnlySpan<int> weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < field.Length; i++)
        {
            sum += ValueOf(field[i]) * weights[i % 3];
        }

        return (char)('0' + (sum % 10));
    }

    private static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        '<' => 0,
        _ => throw new CardDataException($"character '{c}' is not allowed in an MRZ"),
    };
}
