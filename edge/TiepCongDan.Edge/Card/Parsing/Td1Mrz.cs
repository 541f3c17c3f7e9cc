using System.Globalization;

namespace TiepCongDan.Edge.Card.Parsing;

/// <summary>A TD1 (ID card, 3 x 30) machine readable zone with every check digit verified.</summary>
public sealed class Td1Mrz
{
    private const int LineLength = 30;

    private Td1Mrz()
    {
    }

    public required string DocumentCode { get; init; }

    public required string IssuingState { get; init; }

    /// <summary>On a CCCD: the last 9 digits of the ID number; the BAC key uses it.</summary>
    public required string DocumentNumber { get; init; }

    /// <summary>Optional data of line 1 without filler; on a CCCD it starts with the 12-digit ID.</summary>
    public required string OptionalData1 { get; init; }

    public required string OptionalData2 { get; init; }

    /// <summary>The 12-digit ID at the start of the optional data, or empty when it does not start with 12 digits.</summary>
    public string IdNumber =>
        OptionalData1.Length >= 12 && OptionalData1.AsSpan(0, 12).ContainsAnyExceptInRange('0', '9') is false
            ? OptionalData1[..12]
            : string.Empty;

    /// <summary>YYMMDD as printed; BAC keys need exactly these characters.</summary>
    public required string DateOfBirthText { get; init; }

    public required DateOnly DateOfBirth { get; init; }

    /// <summary>'M', 'F' or '&lt;' (unspecified).</summary>
    public required char Sex { get; init; }

    public required string DateOfExpiryText { get; init; }

    public required DateOnly DateOfExpiry { get; init; }

    public required string Nationality { get; init; }

    public required string Surname { get; init; }

    public required string GivenNames { get; init; }

    /// <summary>The BAC "MRZ information": document number, date of birth, date of expiry, each with its check digit.</summary>
    public string BacKeySeed => string.Concat(DocumentNumber.PadRight(9, '<'), MrzCheckDigit.Compute(DocumentNumber.PadRight(9, '<')).ToString(), DateOfBirthText, MrzCheckDigit.Compute(DateOfBirthText).ToString(), DateOfExpiryText, MrzCheckDigit.Compute(DateOfExpiryText).ToString());

    /// <summary>
    /// Parses 3 lines of 30 (separated by any line breaks) or one 90-character string.
    /// <paramref name="today"/> resolves the two-digit birth year (a birth year cannot be in the future).
    /// </summary>
    /// <exception cref="MrzCheckDigitException">A check digit does not match; names which.</exception>
    /// <exception cref="CardDataException">Wrong length, a character outside A-Z0-9&lt;, or an impossible date.</exception>
    public static Td1Mrz Parse(string mrz, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(mrz);
        var text = string.Concat(mrz.Where(c => c is not ('\r' or '\n' or ' ' or '\t')));
        if (text.Length != 3 * LineLength)
        {
            throw new CardDataException($"a TD1 MRZ has 90 characters (3 lines of 30), this one has {text.Length}");
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or '<'))
            {
                throw new CardDataException($"character '{text[i]}' is not allowed in an MRZ", i);
            }
        }

        var l1 = text.AsSpan(0, LineLength);
        var l2 = text.AsSpan(LineLength, LineLength);
        var l3 = text.AsSpan(2 * LineLength, LineLength);

        var (documentNumber, optional1) = ReadDocumentNumber(l1);
        Verify(l2[..6], l2[6], MrzCheck.DateOfBirth, LineLength + 6);
        Verify(l2.Slice(8, 6), l2[14], MrzCheck.DateOfExpiry, LineLength + 14);
        var composite = string.Concat(l1[5..], l2[..7], l2.Slice(8, 7), l2.Slice(18, 11));
        Verify(composite, l2[29], MrzCheck.Composite, LineLength + 29);

        var dobText = l2[..6].ToString();
        var expiryText = l2.Slice(8, 6).ToString();
        var dob = ReadDate(dobText, LineLength, "date of birth");
        if (dob > today)
        {
            dob = dob.AddYears(-100);
        }

        var sex = l2[7];
        if (sex is not ('M' or 'F' or '<'))
        {
            throw new CardDataException($"MRZ sex is '{sex}', expected M, F or <", LineLength + 7);
        }

        var (surname, given) = ReadNames(l3.ToString());
        return new Td1Mrz
        {
            DocumentCode = l1[..2].ToString().TrimEnd('<'),
            IssuingState = l1.Slice(2, 3).ToString().TrimEnd('<'),
            DocumentNumber = documentNumber,
            OptionalData1 = optional1,
            DateOfBirthText = dobText,
            DateOfBirth = dob,
            Sex = sex,
            DateOfExpiryText = expiryText,
            DateOfExpiry = ReadDate(expiryText, LineLength + 8, "date of expiry"),
            Nationality = l2.Slice(15, 3).ToString().TrimEnd('<'),
            OptionalData2 = l2.Slice(18, 11).ToString().TrimEnd('<'),
            Surname = surname,
            GivenNames = given,
        };
    }

    private static (string Number, string Optional) ReadDocumentNumber(ReadOnlySpan<char> l1)
    {
        var field = l1.Slice(5, 9);
        var optional = l1[15..];
        if (l1[14] != '<')
        {
            Verify(field, l1[14], MrzCheck.DocumentNumber, 14);
            return (field.ToString().TrimEnd('<'), optional.ToString().TrimEnd('<'));
        }

        // ICAO 9303-5: a number longer than 9 continues in the optional data, its check digit last before the filler.
        var end = optional.IndexOf('<');
        var continued = end < 0 ? optional : optional[..end];
        if (continued.Length < 2)
        {
            throw new CardDataException("MRZ document number check digit is '<' but no continuation follows", 15);
        }

        var number = string.Concat(field, continued[..^1]);
        Verify(number, continued[^1], MrzCheck.DocumentNumber, 15 + continued.Length - 1);
        return (number, optional[continued.Length..].ToString().Trim('<'));
    }

    private static void Verify(ReadOnlySpan<char> field, char found, MrzCheck check, int offset)
    {
        var expected = MrzCheckDigit.Compute(field);
        if (found != expected)
        {
            throw new MrzCheckDigitException(check, expected, found, offset);
        }
    }

    private static DateOnly ReadDate(string yymmdd, int offset, string what)
    {
        if (!DateOnly.TryParseExact(yymmdd, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            throw new CardDataException($"MRZ {what} '{yymmdd}' is not a date", offset);
        }

        // The culture's two-digit-year window is not ours: anchor to 20YY; the caller shifts births back.
        return new DateOnly(2000 + (parsed.Year % 100), parsed.Month, parsed.Day);
    }

    private static (string Surname, string Given) ReadNames(string line)
    {
        var trimmed = line.TrimEnd('<');
        var split = trimmed.IndexOf("<<", StringComparison.Ordinal);
        var surname = split < 0 ? trimmed : trimmed[..split];
        var given = split < 0 ? string.Empty : trimmed[(split + 2)..];
        return (surname.Replace('<', ' ').Trim(), given.Replace('<', ' ').Trim());
    }
}
