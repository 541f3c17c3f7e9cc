using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Card.Icao.Pace;

/// <summary>
/// A PACE password (ICAO 9303-11 §4.4.1, §9.7.3): its reference in MSE:SET AT (1 = MRZ, 2 = CAN)
/// and f(π), the bytes K_π is derived from: the CAN's digits as they are, or the SHA-1 of the MRZ
/// information (the full 20 bytes, unlike BAC's 16-byte Kseed).
/// </summary>
internal sealed record PacePassword(byte Reference, ReadOnlyMemory<byte> Encoded)
{
    public const byte MrzReference = 0x01;
    public const byte CanReference = 0x02;

    /// <summary>The CAN, which on a CCCD is the last 6 digits of the 12-digit ID number.</summary>
    public static PacePassword FromCan(string can)
    {
        ArgumentNullException.ThrowIfNull(can);
        if (can.Length != 6 || !can.All(char.IsAsciiDigit))
        {
            throw new FormatException("The CAN of a CCCD is 6 digits: the last 6 digits of the ID number.");
        }

        return new PacePassword(CanReference, Encoding.ASCII.GetBytes(can));
    }

    /// <summary>The MRZ password from the document number (up to 9 characters), date of birth and date of expiry (YYMMDD).</summary>
    [SuppressMessage("Security", "CA5350", Justification = "ICAO 9303 PACE fixes SHA-1 for the MRZ password.")]
    public static PacePassword FromMrz(string documentNumber, string dateOfBirth, string dateOfExpiry)
    {
        ArgumentNullException.ThrowIfNull(documentNumber);
        ArgumentNullException.ThrowIfNull(dateOfBirth);
        ArgumentNullException.ThrowIfNull(dateOfExpiry);
        var number = documentNumber.ToUpperInvariant().PadRight(9, '<');
        var information = string.Concat(
            number, MrzCheckDigit.Compute(number).ToString(),
            dateOfBirth, MrzCheckDigit.Compute(dateOfBirth).ToString(),
            dateOfExpiry, MrzCheckDigit.Compute(dateOfExpiry).ToString());
        return new PacePassword(MrzReference, SHA1.HashData(Encoding.ASCII.GetBytes(information)));
    }

    public string Name => Reference == CanReference ? "CAN" : "MRZ";
}
