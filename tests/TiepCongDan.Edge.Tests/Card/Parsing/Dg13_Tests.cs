using System.Formats.Asn1;
using System.Text;
using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Tests.Card.Parsing;

public sealed class Dg13_Tests
{
    [Fact]
    public void Maps_every_known_field_with_diacritics_exactly()
    {
        var dg = Dg13.Parse(CardSamples.Dg13());

        Assert.Equal(1, dg.Version);
        Assert.Equal("1.0.10646.1.0.8", dg.Oid);
        Assert.Equal(CardSamples.IdNumber, dg.IdNumber);
        Assert.Equal("Nguyễn Thị Hồng Nhung", dg.FullName);
        Assert.True(dg.FullName.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("15/03/1990", dg.DateOfBirth);
        Assert.Equal("Nữ", dg.Sex);
        Assert.Equal("Việt Nam", dg.Nationality);
        Assert.Equal("Kinh", dg.Ethnicity);
        Assert.Equal("Không", dg.Religion);
        Assert.Equal("Xã Đông Hưng, Huyện Đông Hưng, Thái Bình", dg.PlaceOfOrigin);
        Assert.Equal("Số 12 ngõ 34 phố Hàng Bạc, Hàng Bạc, Hoàn Kiếm, Hà Nội", dg.PlaceOfResidence);
        Assert.Equal("Nốt ruồi C:1cm dưới trước mắt trái", dg.IdentifyingMarks);
        Assert.Equal("20/04/2021", dg.DateOfIssue);
        Assert.Equal("15/03/2030", dg.DateOfExpiry);
    }

    [Fact]
    public void Reads_the_nested_parents_and_spouse()
    {
        var dg = Dg13.Parse(CardSamples.Dg13());
        Assert.Equal("Nguyễn Văn Đức", dg.FatherName);
        Assert.Equal("Trần Thị Thuý Hằng", dg.MotherName);
        Assert.Equal("Lê Quang Vũ", dg.SpouseName);
    }

    [Fact]
    public void An_unknown_field_is_kept_raw()
    {
        var dg = Dg13.Parse(CardSamples.Dg13());
        var f15 = dg.Fields[15];

        Assert.Equal("123456789", f15.Text);
        var reader = new AsnReader(f15.Raw, AsnEncodingRules.DER).ReadSequence();
        Assert.Equal(15, (int)reader.ReadInteger());
        Assert.Equal("123456789", reader.ReadCharacterString(UniversalTagNumber.PrintableString));
        Assert.Equal(15, dg.Fields.Count);
    }

    [Fact]
    public void Printable_string_values_are_read_and_absent_fields_are_empty()
    {
        var dg = Dg13.Parse(CardSamples.Dg13(includeUnknown: false, nameType: UniversalTagNumber.PrintableString));
        Assert.Equal("20/04/2021", dg.DateOfIssue);
        Assert.False(dg.Fields.ContainsKey(15));
    }

    [Fact]
    public void Field_order_on_the_card_does_not_matter()
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence(new Asn1Tag(TagClass.Application, 13, isConstructed: true)))
        using (w.PushSequence())
        {
            w.WriteInteger(1);
            w.WriteObjectIdentifier("1.0.10646.1.0.8");
            foreach (var (n, v) in new[] { (9, "Hà Nội"), (2, "Phạm Thị Ánh"), (1, "034195006789") })
            {
                using (w.PushSequence())
                {
                    w.WriteInteger(n);
                    w.WriteCharacterString(UniversalTagNumber.UTF8String, v);
                }
            }
        }

        var dg = Dg13.Parse(w.Encode());
        Assert.Equal("034195006789", dg.IdNumber);
        Assert.Equal("Phạm Thị Ánh", dg.FullName);
        Assert.Equal("Hà Nội", dg.PlaceOfResidence);
        Assert.Equal(string.Empty, dg.FatherName);
    }

    [Fact]
    public void Another_data_group_or_trailing_bytes_are_typed_errors()
    {
        var dg1 = Convert.FromHexString("61035F1F00");
        Assert.Throws<CardDataException>(() => Dg13.Parse(dg1));

        byte[] trailing = [.. CardSamples.Dg13(), 0x00];
        Assert.Throws<CardDataException>(() => Dg13.Parse(trailing));
    }

    [Fact]
    public void A_repeated_field_number_is_refused()
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence(new Asn1Tag(TagClass.Application, 13, isConstructed: true)))
        using (w.PushSequence())
        {
            w.WriteInteger(1);
            w.WriteObjectIdentifier("1.0.10646.1.0.8");
            for (var i = 0; i < 2; i++)
            {
                using (w.PushSequence())
                {
                    w.WriteInteger(2);
                    w.WriteCharacterString(UniversalTagNumber.UTF8String, "Phạm Thị Ánh");
                }
            }
        }

        Assert.Contains("twice", Assert.Throws<CardDataException>(() => Dg13.Parse(w.Encode())).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generic_tlv_reader_walks_the_same_dg13_by_tag()
    {
        var dg = BerTlv.ParseSingle(CardSamples.Dg13());
        Assert.Equal(0x6D, dg.Tag);
        var set = dg.Child(0x30).Child(0x31);
        Assert.Equal(15, set.Children.Count);
        Assert.All(set.Children, f => Assert.Equal(0x02, f.Children[0].Tag));
    }
}
