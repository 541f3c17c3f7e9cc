using System.Text;
using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Card.Icao;

/// <summary>
/// The document basic access keys (ICAO 9303-11 §9.7.1, §4.3): Kseed is the first 16 bytes of the
/// SHA-1 of the MRZ information (document number, date of birth and date of expiry, each followed
/// by its check digit); Kenc and Kmac are derived from it with counters 1 and 2.
/// </summary>
public sealed class BacKeys
{
    private const int DocumentNumberLength = 9;

    private BacKeys(string mrzInformation)
    {
        var seed = IcaoKeyDerivation.KeySeed(Encoding.ASCII.GetBytes(mrzInformation));
        KeySeed = seed;
        EncryptionKey = IcaoKeyDerivation.DeriveKey(seed, IcaoKeyDerivation.EncryptionCounter);
        MacKey = IcaoKeyDerivation.DeriveKey(seed, IcaoKeyDerivation.MacCounter);
    }

    public ReadOnlyMemory<byte> KeySeed { get; }

    /// <summary>Kenc, parity adjusted.</summary>
    public ReadOnlyMemory<byte> EncryptionKey { get; }

    /// <summary>Kmac, parity adjusted.</summary>
    public ReadOnlyMemory<byte> MacKey { get; }

    /// <summary>
    /// Keys from the three MRZ fields without check digits: the document number (padded with '&lt;'
    /// to 9 characters when shorter), date of birth and date of expiry as YYMMDD.
    /// </summary>
    public static BacKeys FromMrzFields(string documentNumber, string dateOfBirth, string dateOfExpiry)
    {
        ArgumentNullException.ThrowIfNull(documentNumber);
        var number = documentNumber.ToUpperInvariant();
        if (number.Length > DocumentNumberLength)
        {
            // Longer numbers continue in the MRZ's optional data; no CCCD has one, so refuse rather than guess a key.
            throw new FormatException($"Document numbers longer than {DocumentNumberLength} characters are not supported.");
        }

        if (number.Length < DocumentNumberLength)
        {
            number = number.PadRight(DocumentNumberLength, '<');
        }

        RequireDate(dateOfBirth, nameof(dateOfBirth));
        RequireDate(dateOfExpiry, nameof(dateOfExpiry));
        var information = string.Concat(
            number, MrzCheckDigit.Compute(number).ToString(),
            dateOfBirth, MrzCheckDigit.Compute(dateOfBirth).ToString(),
            dateOfExpiry, MrzCheckDigit.Compute(dateOfExpiry).ToString());
        return new BacKeys(information);
    }

    /// <summary>
    /// Keys for a Vietnamese chip ID card (CCCD): its MRZ document number is the last 9 digits of the
    /// 12-digit ID number.
    /// </summary>
    public static BacKeys FromCccd(string idNumber, string dateOfBirth, string dateOfExpiry)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        if (idNumber.Length != 12 || !idNumber.All(char.IsAsciiDigit))
        {
            throw new FormatException("A CCCD ID number is 12 digits.");
        }

        return FromMrzFields(idNumber[^DocumentNumberLength..], dateOfBirth, dateOfExpiry);
    }

    /// <summary>Keys from ready MRZ information (24 characters with its check digits), e.g. "L898902C&lt;369080619406236".</summary>
    public static BacKeys FromMrzInformation(string mrzInformation)
    {
        ArgumentNullException.ThrowIfNull(mrzInformation);
        if (mrzInformation.Length < 24)
        {
            throw new FormatException($"MRZ information is at least 24 characters, not {mrzInformation.Length}.");
        }

        return new BacKeys(mrzInformation);
    }

    private static void RequireDate(string value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length != 6 || !value.All(char.IsAsciiDigit))
        {
            throw new FormatException($"{name} must be YYMMDD (6 digits).");
        }
    }
}
