using TiepCongDan.Edge.Card.Icao;

namespace TiepCongDan.Edge.Tests.Card.Icao.Pace;

/// <summary>AES-CMAC against RFC 4493 §4 (AES-128, examples 1-4: empty, one block, a partial last block, four blocks).</summary>
public sealed class AesCmac_Tests
{
    private const string Key = "2B7E151628AED2A6ABF7158809CF4F3C";
    private const string Message = "6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E5130C81C46A35CE411E5FBC1191A0A52EFF69F2445DF4F9B17AD2B417BE66C3710";

    [Theory]
    [InlineData(0, "BB1D6929E95937287FA37D129B756746")]
    [InlineData(16, "070A16B46B4D4144F79BDD9DD04A287C")]
    [InlineData(40, "DFA66747DE9AE63030CA32611497C827")]
    [InlineData(64, "51F0BEBF7E3B9D92FC49741779363CFE")]
    public void RFC_4493_examples(int length, string mac)
    {
        var message = Convert.FromHexString(Message)[..length];

        Assert.Equal(mac, Convert.ToHexString(AesCmac.Compute(Convert.FromHexString(Key), message)));
        Assert.True(AesCmac.VerifyTruncated(Convert.FromHexString(Key), message, Convert.FromHexString(mac[..16])));
    }
}
