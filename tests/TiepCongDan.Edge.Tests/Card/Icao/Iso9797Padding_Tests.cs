using TiepCongDan.Edge.Card.Icao;

namespace TiepCongDan.Edge.Tests.Card.Icao;

public sealed class Iso9797Padding_Tests
{
    [Theory]
    [InlineData("", "8000000000000000")]
    [InlineData("0CA4020C", "0CA4020C80000000")]
    [InlineData("01020304050607", "0102030405060780")]
    [InlineData("0102030405060708", "01020304050607088000000000000000")]
    public void Pad_appends_80_then_zeros_to_a_whole_block(string data, string expected)
    {
        var padded = Iso9797Padding.Pad(Convert.FromHexString(data));

        Assert.Equal(expected, Convert.ToHexString(padded));
        Assert.Equal(data, Convert.ToHexString(Iso9797Padding.Unpad(padded)));
    }

    [Theory]
    [InlineData("0102030405060700")]
    [InlineData("01020304050607")]
    [InlineData("80000000000000000000000000000000")]
    public void Unpad_refuses_malformed_padding(string padded)
    {
        var e = Assert.Throws<CardAccessException>(() => Iso9797Padding.Unpad(Convert.FromHexString(padded)));

        Assert.Equal(CardAccessFailure.SecureMessagingFailed, e.Reason);
    }
}
