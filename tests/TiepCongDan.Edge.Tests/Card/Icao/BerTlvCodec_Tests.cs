using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Tests.Card.Icao;

/// <summary>The encoding and single-object reading half of the one BER-TLV codec, as secure messaging and PACE use it.</summary>
public sealed class BerTlvCodec_Tests
{
    [Theory]
    [InlineData(0x87, 0, "8700")]
    [InlineData(0x8E, 8, "8E08")]
    [InlineData(0x87, 0x7F, "877F")]
    [InlineData(0x87, 0x80, "878180")]
    [InlineData(0x87, 0xFF, "8781FF")]
    [InlineData(0x87, 0x100, "87820100")]
    [InlineData(0x7F49, 3, "7F4903")]
    [InlineData(0x5F1F, 0x90, "5F1F8190")]
    public void Encode_writes_the_tag_and_the_shortest_length(int tag, int length, string prefix)
    {
        var encoded = BerTlv.Encode(tag, new byte[length]);

        Assert.Equal(prefix, Convert.ToHexString(encoded[..(prefix.Length / 2)]));
        Assert.Equal((prefix.Length / 2) + length, encoded.Length);
    }

    [Fact]
    public void What_Encode_writes_ReadOne_and_the_tree_parser_read_back()
    {
        byte[] value = [.. Enumerable.Range(0, 300).Select(i => (byte)i)];
        byte[] data = [.. BerTlv.Encode(0x87, value), .. BerTlv.Encode(0x5F1F, [1, 2, 3]), .. BerTlv.Encode(0x99, [0x90, 0x00])];

        var (tag, range, next) = BerTlv.ReadOne(data, 0);
        Assert.Equal(0x87, tag);
        Assert.Equal(value, data[range]);
        var (tag2, range2, next2) = BerTlv.ReadOne(data, next);
        Assert.Equal(0x5F1F, tag2);
        Assert.Equal([1, 2, 3], data[range2]);
        Assert.Equal(0x99, BerTlv.ReadOne(data, next2).Tag);
        Assert.Equal([0x87, 0x5F1F, 0x99], BerTlv.ParseAll(data).Select(n => n.Tag));
    }

    [Theory]
    [InlineData("8E", 0)]
    [InlineData("8E08FA85", 0)]
    [InlineData("8780", 0)]
    [InlineData("8783000001", 0)]
    [InlineData("9902", 2)]
    public void ReadOne_refuses_truncated_or_out_of_range_objects_with_a_typed_error(string hex, int offset)
    {
        Assert.Throws<CardDataException>(() => BerTlv.ReadOne(Convert.FromHexString(hex), offset));
    }
}
