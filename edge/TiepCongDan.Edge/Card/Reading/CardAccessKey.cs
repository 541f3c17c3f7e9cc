using System.Globalization;
using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Card.Reading;

/// <summary>
/// What opens the chip: a CAN for PACE and/or BAC keys to try in order. Built from the MRZ (BAC),
/// the front QR (CAN, plus BAC with the expiry derived from the renewal ages) or the CAN alone
/// (PACE only). <see cref="ToString"/> masks the ID.
/// </summary>
public sealed class CardAccessKey
{
    /// <summary>
    /// What a card that never expires (issued at 60 or later) writes as its MRZ expiry is not known.
    /// We try 991231 (the common "no expiry" convention in national ID MRZs) and then the ICAO filler
    /// &lt;&lt;&lt;&lt;&lt;&lt; (check digit 0). If neither opens such a card, the staff use the MRZ or the CAN.
    /// </summary>
    public static IReadOnlyList<string> NoExpiryMrzValues { get; } = ["991231", "<<<<<<"];

    private CardAccessKey(CardAccessKeySource source, string? can, IReadOnlyList<BacKeyCandidate> bac, string idHint)
    {
        Source = source;
        Can = can;
        BacCandidates = bac;
        IdHint = idHint;
    }

    public CardAccessKeySource Source { get; }

    /// <summary>The PACE password (6 digits), or null when this key cannot run PACE.</summary>
    public string? Can { get; }

    /// <summary>BAC keys in the order to try them; empty for a CAN.</summary>
    public IReadOnlyList<BacKeyCandidate> BacCandidates { get; }

    /// <summary>The ID (or its known part) the key came from; only ever shown masked.</summary>
    internal string IdHint { get; }

    /// <summary>Keys from the TD1 MRZ (3 lines of 30, or 90 characters).</summary>
    /// <exception cref="CardDataException">Not a TD1 MRZ, or a check digit is wrong (<see cref="MrzCheckDigitException"/>).</exception>
    public static CardAccessKey FromMrz(string mrzText, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(mrzText);
        var mrz = Td1Mrz.Parse(mrzText, today);
        if (mrz.DocumentNumber.Length > 9)
        {
            throw new CardDataException("the MRZ document number is longer than 9 characters; a CCCD's is the last 9 digits of the ID");
        }

        var keys = BacKeys.FromMrzFields(mrz.DocumentNumber, mrz.DateOfBirthText, mrz.DateOfExpiryText);
        var hint = mrz.IdNumber.Length > 0 ? mrz.IdNumber : mrz.DocumentNumber;
        return new CardAccessKey(CardAccessKeySource.Mrz, null, [new BacKeyCandidate("MRZ", keys)], hint);
    }

    /// <summary>The CAN and BAC candidates from the front QR (see <see cref="CccdQr.ExpiryCandidates"/>).</summary>
    /// <exception cref="CardDataException">The text is not a CCCD QR.</exception>
    public static CardAccessKey FromQr(string qrText)
    {
        ArgumentNullException.ThrowIfNull(qrText);
        var qr = CccdQr.Parse(qrText);
        var dob = qr.DateOfBirth.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var candidates = new List<BacKeyCandidate>();
        foreach (var expiry in qr.ExpiryCandidates())
        {
            if (expiry is { } date)
            {
                var text = date.ToString("yyMMdd", CultureInfo.InvariantCulture);
                candidates.Add(new BacKeyCandidate("expiry " + text, BacKeys.FromCccd(qr.IdNumber, dob, text)));
                continue;
            }

            foreach (var value in NoExpiryMrzValues)
            {
                var information = string.Concat(
                    qr.BacDocumentNumber, MrzCheckDigit.Compute(qr.BacDocumentNumber).ToString(),
                    dob, MrzCheckDigit.Compute(dob).ToString(),
                    value, MrzCheckDigit.Compute(value).ToString());
                candidates.Add(new BacKeyCandidate("no expiry as " + value, BacKeys.FromMrzInformation(information)));
            }
        }

        return new CardAccessKey(CardAccessKeySource.Qr, qr.Can, candidates, qr.IdNumber);
    }

    /// <summary>The CAN: the last 6 digits of the ID (a whole 12-digit ID is accepted too).</summary>
    /// <exception cref="CardDataException">Not 6 (or 12) digits.</exception>
    public static CardAccessKey FromCan(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var text = digits.Trim();
        if (text.Length is not (6 or 12) || text.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            throw new CardDataException("a CAN is the last 6 digits of the 12-digit ID number");
        }

        return new CardAccessKey(CardAccessKeySource.Can, text[^6..], [], text);
    }

    public override string ToString() => Source switch
    {
        CardAccessKeySource.Can => "CAN ******",
        _ => $"{Source} {IdMask.Mask(IdHint)} ({BacCandidates.Count} BAC key(s){(Can is null ? string.Empty : ", CAN")})",
    };
}
