using System.Formats.Asn1;
using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Tests.Card.Parsing;

/// <summary>Valid card data of made-up people, built with the real encodings, for the parser tests.</summary>
internal static class CardSamples
{
    public const string IdNumber = "001234567864";

    public const string Qr = "001234567864|123456789|Nguyễn Thị Hồng Nhung|15031990|Nữ|Số 12 ngõ 34 phố Hàng Bạc, Hàng Bạc, Hoàn Kiếm, Hà Nội|20042021";

    public static readonly DateOnly Today = new(2026, 11, 23);

    public static string Td1(string id = IdNumber, string dob = "900315", char sex = 'F', string expiry = "300315", string names = "NGUYEN<<THI<HONG<NHUNG")
    {
        var doc = id[^9..];
        var l1 = "IDVNM" + doc + MrzCheckDigit.Compute(doc) + (id + "<<<")[..15];
        var l2 = dob + MrzCheckDigit.Compute(dob) + sex + expiry + MrzCheckDigit.Compute(expiry) + "VNM" + new string('<', 11);
        var composite = string.Concat(l1.AsSpan(5), l2.AsSpan(0, 7), l2.AsSpan(8, 7), l2.AsSpan(18, 11));
        l2 += MrzCheckDigit.Compute(composite);
        return l1 + "\n" + l2 + "\n" + names.PadRight(30, '<');
    }

    /// <summary>A DG13 as the card would hold it: fields in a SET, parents nested in field 13, an unknown field 15.</summary>
    public static byte[] Dg13(bool includeUnknown = true, UniversalTagNumber nameType = UniversalTagNumber.UTF8String)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence(new Asn1Tag(TagClass.Application, 13, isConstructed: true)))
        using (w.PushSequence())
        {
            w.WriteInteger(1);
            w.WriteObjectIdentifier("1.0.10646.1.0.8");
            using (w.PushSetOf())
            {
                Field(w, 1, IdNumber);
                Field(w, 2, "Nguyễn Thị Hồng Nhung", nameType == UniversalTagNumber.UTF8String ? nameType : UniversalTagNumber.UTF8String);
                Field(w, 3, "15/03/1990");
                Field(w, 4, "Nữ");
                Field(w, 5, "Việt Nam");
                Field(w, 6, "Kinh");
                Field(w, 7, "Không");
                Field(w, 8, "Xã Đông Hưng, Huyện Đông Hưng, Thái Bình");
                Field(w, 9, "Số 12 ngõ 34 phố Hàng Bạc, Hàng Bạc, Hoàn Kiếm, Hà Nội");
                Field(w, 10, "Nốt ruồi C:1cm dưới trước mắt trái");
                Field(w, 11, "20/04/2021", nameType == UniversalTagNumber.PrintableString ? UniversalTagNumber.PrintableString : UniversalTagNumber.UTF8String);
                Field(w, 12, "15/03/2030");
                using (w.PushSequence())
                {
                    w.WriteInteger(13);
                    using (w.PushSequence())
                    {
                        w.WriteCharacterString(UniversalTagNumber.UTF8String, "Nguyễn Văn Đức");
                    }

                    using (w.PushSequence())
                    {
                        w.WriteCharacterString(UniversalTagNumber.UTF8String, "Trần Thị Thuý Hằng");
                    }
                }

                using (w.PushSequence())
                {
                    w.WriteInteger(14);
                    using (w.PushSequence())
                    {
                        w.WriteCharacterString(UniversalTagNumber.UTF8String, "Lê Quang Vũ");
                    }
                }

                if (includeUnknown)
                {
                    Field(w, 15, "123456789", UniversalTagNumber.PrintableString);
                }
            }
        }

        return w.Encode();
    }

    private static void Field(AsnWriter w, int n, string value, UniversalTagNumber type = UniversalTagNumber.UTF8String)
    {
        using (w.PushSequence())
        {
            w.WriteInteger(n);
            w.WriteCharacterString(type, value);
        }
    }
}
