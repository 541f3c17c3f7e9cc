using System.Formats.Asn1;
using System.Globalization;
using System.Text;

namespace TiepCongDan.CardSim.Cccd;

/// <summary>Encodes the LDS files of a CCCD (ICAO 9303-10 §4.6, DG13 as public CCCD readers decode it).</summary>
internal static class LdsFileBuilder
{
    /// <summary>The OID DG13 names after its version (ISO/IEC 10646 UTF-8 form).</summary>
    public const string Dg13Oid = "1.0.10646.1.0.8";

    /// <summary>EF.COM: LDS version 1.7, Unicode 4.0.0, the tags of the data groups present.</summary>
    public static byte[] Com(IEnumerable<byte> dataGroupTags) =>
        Tlv.Encode(0x60, [
            .. Tlv.Encode(0x5F01, "0107"u8),
            .. Tlv.Encode(0x5F36, "040000"u8),
            .. Tlv.Encode(0x5C, dataGroupTags.ToArray()),
        ]);

    /// <summary>DG1: 61 { 5F1F the 90 MRZ characters }.</summary>
    public static byte[] Dg1(string td1Mrz)
    {
        var characters = td1Mrz.Replace("\n", string.Empty, StringComparison.Ordinal);
        if (characters.Length != 90)
        {
            throw new ArgumentException($"A TD1 MRZ is 90 characters, not {characters.Length}.", nameof(td1Mrz));
        }

        return Tlv.Encode(0x61, Tlv.Encode(0x5F1F, Encoding.ASCII.GetBytes(characters)));
    }

    /// <summary>
    /// DG13: 6D { SEQUENCE { INTEGER 1, OID 1.0.10646.1.0.8, SET { SEQUENCE { INTEGER n, value } ... } } },
    /// fields in number order (BER, so the SET is not re-sorted), parents nested in 13, spouse in 14.
    /// Text is UTF8String; the ID number and dates are PrintableString when <paramref name="printableDigits"/>.
    /// </summary>
    public static byte[] Dg13(CccdPerson person, bool printableDigits = false)
    {
        var digits = printableDigits ? UniversalTagNumber.PrintableString : UniversalTagNumber.UTF8String;
        var w = new AsnWriter(AsnEncodingRules.BER);
        using (w.PushSequence(new Asn1Tag(TagClass.Application, 13, isConstructed: true)))
        using (w.PushSequence())
        {
            w.WriteInteger(1);
            w.WriteObjectIdentifier(Dg13Oid);
            using (w.PushSetOf())
            {
                Field(w, 1, person.IdNumber, digits);
                Field(w, 2, person.FullName);
                Field(w, 3, Date(person.DateOfBirth), digits);
                Field(w, 4, person.Sex);
                Field(w, 5, person.Nationality);
                Field(w, 6, person.Ethnicity);
                Field(w, 7, person.Religion);
                Field(w, 8, person.PlaceOfOrigin);
                Field(w, 9, person.PlaceOfResidence);
                if (person.IdentifyingMarks.Length > 0)
                {
                    Field(w, 10, person.IdentifyingMarks);
                }

                Field(w, 11, Date(person.DateOfIssue), digits);
                Field(w, 12, Date(person.DateOfExpiry), digits);
                Nested(w, 13, person.FatherName, person.MotherName);
                if (person.SpouseName is { } spouse)
                {
                    Nested(w, 14, spouse);
                }

                if (person.Field15 is { } f15)
                {
                    Field(w, 15, f15, UniversalTagNumber.PrintableString);
                }

                if (person.Field16 is { } f16)
                {
                    Field(w, 16, f16);
                }
            }
        }

        return w.Encode();
    }

    /// <summary>DG14: 6E { SET { ChipAuthenticationPublicKeyInfo, ChipAuthenticationInfo } } (ICAO 9303-11 §9.2.5, §9.2.6).</summary>
    public static byte[] Dg14(byte[] chipAuthenticationSubjectPublicKeyInfo)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSetOf())
        {
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier("0.4.0.127.0.7.2.2.1.2"); // id-PK-ECDH
                w.WriteEncodedValue(chipAuthenticationSubjectPublicKeyInfo);
            }

            using (w.PushSequence())
            {
                w.WriteObjectIdentifier("0.4.0.127.0.7.2.2.3.2.2"); // id-CA-ECDH-AES-CBC-CMAC-128
                w.WriteInteger(1);
            }
        }

        return Tlv.Encode(0x6E, w.Encode());
    }

    /// <summary>DG15: 6F { SubjectPublicKeyInfo of the active authentication key }.</summary>
    public static byte[] Dg15(byte[] activeAuthenticationSubjectPublicKeyInfo) =>
        Tlv.Encode(0x6F, activeAuthenticationSubjectPublicKeyInfo);

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static void Field(AsnWriter w, int number, string value, UniversalTagNumber type = UniversalTagNumber.UTF8String)
    {
        using (w.PushSequence())
        {
            w.WriteInteger(number);
            w.WriteCharacterString(type, value.Normalize(NormalizationForm.FormC));
        }
    }

    private static void Nested(AsnWriter w, int number, params string[] values)
    {
        using (w.PushSequence())
        {
            w.WriteInteger(number);
            foreach (var value in values)
            {
                using (w.PushSequence())
                {
                    w.WriteCharacterString(UniversalTagNumber.UTF8String, value.Normalize(NormalizationForm.FormC));
                }
            }
        }
    }
}
