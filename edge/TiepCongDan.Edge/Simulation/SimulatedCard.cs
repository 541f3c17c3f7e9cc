using System.Globalization;
using System.Text;
using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Edge.Card.Parsing;
using TiepCongDan.Edge.Card.Reading;

namespace TiepCongDan.Edge.Simulation;

/// <summary>
/// The chip ID card of a made-up citizen, as the simulation console puts it on the simulated
/// reader: what its chip would state, its front QR and back MRZ (so a trainer can copy either),
/// and the keys that open it (the CAN for PACE, the MRZ's BAC key), checked as a real chip checks them.
/// </summary>
public sealed record SimulatedCard
{
    /// <summary>Where a citizen made up from an MRZ or a CAN lives: plainly not a real address.</summary>
    public const string MadeUpResidence = "Xã Mô Phỏng, Tỉnh Mô Phỏng";

    /// <summary>What the MRZ of a card that never expires holds here (the first guess of <see cref="CardAccessKey.NoExpiryMrzValues"/>).</summary>
    public const string NoExpiryMrzText = "991231";

    private const string NoExpiryText = "Không thời hạn";

    public required string IdNumber { get; init; }

    public required string FullName { get; init; }

    public required DateOnly DateOfBirth { get; init; }

    /// <summary>"Nam" or "Nữ".</summary>
    public required string Sex { get; init; }

    public string PlaceOfOrigin { get; init; } = MadeUpResidence;

    public string PlaceOfResidence { get; init; } = MadeUpResidence;

    /// <summary>Null when the card was made from an MRZ (the MRZ carries no issue date).</summary>
    public DateOnly? DateOfIssue { get; init; }

    /// <summary>Null: the card does not expire.</summary>
    public DateOnly? DateOfExpiry { get; init; }

    /// <summary>The PACE password: the last 6 digits of the ID.</summary>
    public string Can => IdNumber[^6..];

    /// <summary>The MRZ document number: the last 9 digits of the ID.</summary>
    public string DocumentNumber => IdNumber[^9..];

    public string DateOfBirthMrzText => DateOfBirth.ToString("yyMMdd", CultureInfo.InvariantCulture);

    public string DateOfExpiryMrzText => DateOfExpiry is { } expiry ? expiry.ToString("yyMMdd", CultureInfo.InvariantCulture) : NoExpiryMrzText;

    /// <summary>As DG13 writes the expiry: dd/MM/yyyy, or the phrase for a card without one.</summary>
    public string DateOfExpiryText => DateOfExpiry is { } expiry ? expiry.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : NoExpiryText;

    /// <summary>The chip's BAC key (document number, birth and expiry from the MRZ).</summary>
    public BacKeys BacKeys => BacKeys.FromMrzFields(DocumentNumber, DateOfBirthMrzText, DateOfExpiryMrzText);

    /// <summary>The front QR: <c>ID||name|ddMMyyyy|sex|residence|issue ddMMyyyy</c>.</summary>
    public string QrText => string.Join('|',
        IdNumber,
        string.Empty,
        FullName,
        DateOfBirth.ToString("ddMMyyyy", CultureInfo.InvariantCulture),
        Sex,
        PlaceOfResidence,
        (DateOfIssue ?? DateOfBirth).ToString("ddMMyyyy", CultureInfo.InvariantCulture));

    /// <summary>The TD1 MRZ on the back, three lines of 30 separated by '\n', every check digit right.</summary>
    public string MrzText
    {
        get
        {
            var optional1 = (IdNumber + "<").PadRight(15, '<');
            var line1 = "IDVNM" + DocumentNumber + MrzCheckDigit.Compute(DocumentNumber) + optional1;
            var sex = Sex == "Nữ" ? 'F' : 'M';
            var line2Head = DateOfBirthMrzText + MrzCheckDigit.Compute(DateOfBirthMrzText) + sex + DateOfExpiryMrzText + MrzCheckDigit.Compute(DateOfExpiryMrzText) + "VNM";
            var optional2 = new string('<', 11);
            var composite = string.Concat(line1.AsSpan(5), line2Head.AsSpan(0, 7), line2Head.AsSpan(8, 7), optional2);
            var line2 = line2Head + optional2 + MrzCheckDigit.Compute(composite);
            return line1 + "\n" + line2 + "\n" + MrzNameLine(FullName);
        }
    }

    /// <summary>A card from the front QR: every field the QR has; the expiry the renewal ages give.</summary>
    /// <exception cref="CardDataException">Not a CCCD QR (the message a real kiosk gives).</exception>
    public static SimulatedCard FromQr(string qrText)
    {
        _ = CardAccessKey.FromQr(qrText);
        var qr = CccdQr.Parse(qrText);
        return new SimulatedCard
        {
            IdNumber = qr.IdNumber,
            FullName = qr.FullName,
            DateOfBirth = qr.DateOfBirth,
            Sex = qr.Sex,
            PlaceOfResidence = qr.Address.Length > 0 ? qr.Address : MadeUpResidence,
            DateOfIssue = qr.DateOfIssue,
            DateOfExpiry = qr.ExpiryCandidates()[0],
        };
    }

    /// <summary>
    /// A card from the TD1 MRZ: its number, the name of line 3 (without diacritics, as the MRZ has
    /// it; a built-in citizen's MRZ gives their Vietnamese name back), its dates.
    /// </summary>
    /// <exception cref="CardDataException">Not a TD1 MRZ or a wrong check digit (the message a real kiosk gives).</exception>
    public static SimulatedCard FromMrz(string mrzText, DateOnly today)
    {
        _ = CardAccessKey.FromMrz(mrzText, today);
        var mrz = Td1Mrz.Parse(mrzText, today);
        var id = mrz.IdNumber.Length == 12 ? mrz.IdNumber : "000" + mrz.DocumentNumber.PadLeft(9, '0');
        if (SimulatedCitizens.All.FirstOrDefault(c => c.Card.IdNumber == id) is { } known
            && known.Card.DateOfBirthMrzText == mrz.DateOfBirthText && known.Card.DateOfExpiryMrzText == mrz.DateOfExpiryText)
        {
            return known.Card;
        }

        var name = string.Join(' ', new[] { mrz.Surname, mrz.GivenNames }.Where(n => n.Length > 0));
        return new SimulatedCard
        {
            IdNumber = id,
            FullName = name.Length > 0 ? name : "CONG DAN MO PHONG",
            DateOfBirth = mrz.DateOfBirth,
            Sex = mrz.Sex == 'F' ? "Nữ" : "Nam",
            DateOfExpiry = mrz.DateOfExpiryText == NoExpiryMrzText ? null : mrz.DateOfExpiry,
        };
    }

    /// <summary>A card from the CAN alone (6 digits, or a whole 12-digit ID): a made-up citizen whose ID ends with it.</summary>
    /// <exception cref="CardDataException">Not 6 or 12 digits (the message a real kiosk gives).</exception>
    public static SimulatedCard FromCan(string digits)
    {
        _ = CardAccessKey.FromCan(digits);
        var text = digits.Trim();
        var id = text.Length == 12 ? text : "079000" + text;
        if (SimulatedCitizens.All.FirstOrDefault(c => c.Card.IdNumber == id) is { } known)
        {
            return known.Card;
        }

        var birth = new DateOnly(1980, 1, 1);
        var issue = new DateOnly(2021, 1, 1);
        return new SimulatedCard
        {
            IdNumber = id,
            FullName = "Công Dân Mô Phỏng",
            DateOfBirth = birth,
            Sex = "Nam",
            DateOfIssue = issue,
            DateOfExpiry = CccdQr.ExpiryCandidatesFor(birth, issue)[0],
        };
    }

    /// <summary>Masked ID only: even a made-up card is logged as a real one would be.</summary>
    public override string ToString() => "SimulatedCard " + IdMask.Mask(IdNumber);

    /// <summary>Line 3: SURNAME&lt;&lt;GIVEN&lt;NAMES in A-Z, padded or cut to 30.</summary>
    private static string MrzNameLine(string fullName)
    {
        var words = Ascii(fullName).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var line = words.Length == 0 ? string.Empty : words[0] + "<<" + string.Join('<', words.Skip(1));
        return line.Length >= 30 ? line[..30] : line.PadRight(30, '<');
    }

    private static string Ascii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace('Đ', 'D').Replace('đ', 'd').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            builder.Append(upper is (>= 'A' and <= 'Z') ? upper : ' ');
        }

        return builder.ToString();
    }
}
