using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Tests.Card.Parsing;

public sealed class BerTlv_Tests
{
    [Fact]
    public void Reads_an_ef_com_with_two_byte_tags_and_nesting()
    {
        // EF.COM: 60 { 5F01 "0107", 5F36 "040000", 5C [61 75 6D 6F 6E 77] } (LDS 1.7, DG1/2/13/14/15 + SOD tag list).
        byte[] data = Convert.FromHexString("60185F0104303130375F36063034303030305C0661756D6E6F77");
        var com = BerTlv.ParseSingle(data);

        Assert.Equal(0x60, com.Tag);
        Assert.True(com.IsConstructed);
        Assert.Equal(3, com.Children.Count);
        Assert.Equal("0107", System.Text.Encoding.ASCII.GetString(com.Child(0x5F01).Value.Span));
        Assert.Equal(0x5F36, com.Children[1].Tag);
        Assert.Equal(Convert.FromHexString("61756D6E6F77"), com.Child(0x5C).Value.ToArray());
        Assert.Equal(9, com.Children[1].Offset);
    }

    [Fact]
    public void Reads_long_form_lengths_up_to_four_bytes()
    {
        var payload = new byte[300];
        byte[] two = [0x04, 0x82, 0x01, 0x2C, .. payload];
        Assert.Equal(300, BerTlv.ParseSingle(two).Value.Length);

        byte[] four = [0x04, 0x84, 0x00, 0x00, 0x01, 0x2C, .. payload];
        Assert.Equal(300, BerTlv.ParseSingle(four).Value.Length);

        byte[] three = [0x7F, 0x61, 0x81, 0x03, 0x02, 0x01, 0x01];
        var node = BerTlv.ParseSingle(three);
        Assert.Equal(0x7F61, node.Tag);
        Assert.Equal(0x02, node.Children[0].Tag);
    }

    [Theory]
    [InlineData("04", "length missing", 1)]
    [InlineData("0405AABB", "exceeds", 0)]
    [InlineData("0480", "indefinite", 1)]
    [InlineData("0485000000000100", "at most 4", 1)]
    [InlineData("0483FFFF", "truncated", 1)]
    [InlineData("1F", "tag truncated", 0)]
    [InlineData("1F81828384", "longer than 4", 0)]
    [InlineData("0484FFFFFFFF", "too large", 1)]
    [InlineData("6103040201", "exceeds", 2)]
    public void Malformed_input_is_a_typed_error_with_the_offset(string hex, string what, int offset)
    {
        var e = Assert.Throws<CardDataException>(() => BerTlv.ParseAll(Convert.FromHexString(hex)));
        Assert.Contains(what, e.Message, StringComparison.Ordinal);
        Assert.Equal(offset, e.Offset);
    }

    [Fact]
    public void Nesting_deeper_than_the_bound_is_refused_not_a_stack_overflow()
    {
        // 40 SEQUENCEs, each wrapping the next: valid lengths, but deeper than BerTlv.MaxDepth.
        var shallow = new byte[80];
        for (var i = 0; i < 40; i++)
        {
            shallow[i * 2] = 0x30;
            shallow[(i * 2) + 1] = (byte)((40 - i - 1) * 2);
        }

        var e = Assert.Throws<CardDataException>(() => BerTlv.ParseAll(shallow));
        Assert.Contains("nesting", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_child_names_the_tag()
    {
        var node = BerTlv.ParseSingle(new byte[] { 0x61, 0x03, 0x04, 0x01, 0x00 });
        var e = Assert.Throws<CardDataException>(() => node.Child(0x5F1F));
        Assert.Contains("5F1F", e.Message, StringComparison.Ordinal);
    }
}
