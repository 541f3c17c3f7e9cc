using System.Globalization;

namespace TiepCongDan.Edge.Card.Parsing;

/// <summary>
/// The QR code on the front of a CCCD: <c>ID|oldID|full name|DOB ddMMyyyy|sex|address|issue date ddMMyyyy[|...]</c>.
/// It carries no expiry date, so <see cref="ExpiryCandidates"/> derives it from the renewal ages.
/// </summary>
public sealed class CccdQr
{
    private const int RequiredFields = 7;

    /// <summary>Ages at which a card must be renewed (Law on Identification 2023, Art. 21).</summary>
    private static readonly int[] RenewalAges = [14, 25, 40, 60];

    private CccdQr()
    {
    }

    public required string IdNumber { get; init; }

    /// <summary>The old 9-digit CMND number, or empty.</summary>
    public required string OldIdNumber { get; init; }

    public required string FullName { get; init; }

    public required DateOnly DateOfBirth { get; init; }

    /// <summary>As printed ("Nam", "Nữ").</summary>
    public required string Sex { get; init; }

    public required string Address { get; init; }

    public required DateOnly DateOfIssue { get; init; }

    /// <summary>Fields after the issue date (newer cards add some, mostly empty), kept as read.</summary>
    public required IReadOnlyList<string> ExtraFields { get; init; }

    /// <summary>PACE card access number: the last 6 digits of the ID.</summary>
    public string Can => IdNumber[^6..];

    /// <summary>BAC document number: the last 9 digits of the ID.</summary>
    public string BacDocumentNumber => IdNumber[^9..];

    /// <exception cref="CardDataException">Missing fields, an ID that is not 12 digits, or a date that is not ddMMyyyy.</exception>
    public static CccdQr Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Keyboard-wedge scanners end with Enter; some send a BOM or NULs.
        var fields = CardText.Nfc(text.Trim('\r', '\n', ' ', '\t', '\0', '\uFEFF'), "the CCCD QR").Split('|');
        if (fields.Length < RequiredFields)
        {
            throw new CardDataException($"the CCCD QR has {fields.Length} fields, at least {RequiredFields} are needed");
        }

        var id = fields[0].Trim();
        if (id.Length != 12 || id.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            throw new CardDataException("the CCCD QR ID number is not 12 digits", 0);
        }

        var oldId = fields[1].Trim();
        if (oldId.Length != 0 && (oldId.Length is not (9 or 12) || oldId.AsSpan().ContainsAnyExceptInRange('0', '9')))
        {
            throw new CardDataException("the CCCD QR old ID number is neither empty nor 9 or 12 digits");
        }

        var name = fields[2].Trim();
        if (name.Length == 0)
        {
            throw new CardDataException("the CCCD QR full name is empty");
        }

        var dob = ReadDate(fields[3], "date of birth");
        var issue = ReadDate(fields[6], "date of issue");
        if (issue < dob)
        {
            throw new CardDataException("the CCCD QR date of issue is before the date of birth");
        }

        return new CccdQr
        {
            IdNumber = id,
            OldIdNumber = oldId,
            FullName = name,
            DateOfBirth = dob,
            Sex = fields[4].Trim(),
            Address = fields[5].Trim(),
            DateOfIssue = issue,
            ExtraFields = fields[RequiredFields..],
        };
    }

    /// <summary>This card's expiry candidates; see <see cref="ExpiryCandidatesFor"/>.</summary>
    public IReadOnlyList<DateOnly?> ExpiryCandidates() => ExpiryCandidatesFor(DateOfBirth, DateOfIssue);

    /// <summary>
    /// Expiry dates to try for BAC, most likely first. A card expires on the birthday of the next renewal
    /// age (14, 25, 40, 60); one issued within two years before that age lasts until the following one;
    /// after 60 it has no expiry (<c>null</c>: what the MRZ then holds is unknown, so the caller decides).
    /// The other reading of the two-year rule and the day before follow, for cards that printed it so.
    /// </summary>
    public static IReadOnlyList<DateOnly?> ExpiryCandidatesFor(DateOnly dateOfBirth, DateOnly dateOfIssue)
    {
        if (dateOfBirth.Year > DateOnly.MaxValue.Year - RenewalAges[^1])
        {
            throw new CardDataException($"date of birth year {dateOfBirth.Year} is impossible");
        }

        var primary = Compute(dateOfBirth, dateOfIssue, applyTwoYearRule: true);
        var alternate = Compute(dateOfBirth, dateOfIssue, applyTwoYearRule: false);
        var result = new List<DateOnly?> { primary };
        if (alternate != primary)
        {
            result.Add(alternate);
        }

        foreach (var d in result.ToArray())
        {
            if (d is { } date)
            {
                result.Add(date.AddDays(-1));
            }
        }

        return result;
    }

    private static DateOnly? Compute(DateOnly dob, DateOnly issue, bool applyTwoYearRule)
    {
        for (var i = 0; i < RenewalAges.Length; i++)
        {
            var birthday = dob.AddYears(RenewalAges[i]);
            if (issue >= birthday)
            {
                continue;
            }

            if (applyTwoYearRule && issue >= birthday.AddYears(-2))
            {
                return i + 1 < RenewalAges.Length ? dob.AddYears(RenewalAges[i + 1]) : null;
            }

            return birthday;
        }

        return null;
    }

    private static DateOnly ReadDate(string field, string what)
    {
        var trimmed = field.Trim();
        if (!DateOnly.TryParseExact(trimmed, "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new CardDataException($"the CCCD QR {what} is not a ddMMyyyy date");
        }

        if (date.Year is < 1900 or > 2199)
        {
            throw new CardDataException($"the CCCD QR {what} has an impossible year {date.Year}");
        }

        return date;
    }
}
