using TiepCongDan.Edge.Card.Icao.Pace;
using TiepCongDan.Edge.Card.Parsing;
using static TiepCongDan.Edge.Tests.Card.Icao.Pace.CardAccessSamples;

namespace TiepCongDan.Edge.Tests.Card.Icao.Pace;

public sealed class CardAccessFile_Tests
{
    [Fact]
    public void PACE_infos_are_returned_in_order_and_other_security_infos_skipped()
    {
        var infos = CardAccessFile.Parse(Typical());

        Assert.Equal(
            [new PaceInfo("0.4.0.127.0.7.2.2.4.2.2", 2, 13), new PaceInfo("0.4.0.127.0.7.2.2.4.4.2", 2, 13)],
            infos);
        Assert.True(infos[0].IsSupported);
        Assert.Equal("PACE ECDH-GM AES-128 on brainpoolP256r1 (id 13)", infos[0].Description);
        Assert.False(infos[1].IsSupported);
        Assert.Contains("ECDH-IM", infos[1].Description, StringComparison.Ordinal);
        Assert.Contains("not supported", infos[1].Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(EcdhGm3Des, "02", "0C", true, "PACE ECDH-GM 3DES on secp256r1 (id 12)")]
    [InlineData(EcdhGmAes128, "02", "12", true, "PACE ECDH-GM AES-128 on secp521r1 (id 18)")]
    [InlineData(EcdhGmAes128, "01", "0D", false, "v1")]
    [InlineData(EcdhGmAes128, "02", "02", false, "2048-bit MODP")]
    [InlineData(EcdhGmAes128, "02", "07", false, "unknown parameters 7")]
    [InlineData(DhGmAes128, "02", "00", true, "PACE DH-GM AES-128 on 1024-bit MODP group (id 0)")]
    [InlineData(DhGmAes128, "02", "0D", false, "DH-GM")]
    public void Support_follows_mapping_version_and_parameters(string oid, string version, string parameterId, bool supported, string described)
    {
        var info = Assert.Single(CardAccessFile.Parse(Set(Info(oid, version, parameterId))));

        Assert.Equal(supported, info.IsSupported);
        Assert.Contains(described, info.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_PACE_info_without_a_parameter_id_is_read_but_not_supported()
    {
        var info = Assert.Single(CardAccessFile.Parse(Set(Info(EcdhGmAes128, "02"))));

        Assert.Null(info.ParameterId);
        Assert.False(info.IsSupported);
    }

    [Fact]
    public void A_file_with_no_PACE_info_gives_an_empty_list()
    {
        Assert.Empty(CardAccessFile.Parse(Set(Info(ChipAuthenticationEcdhAes128, "01"))));
    }

    [Theory]
    [InlineData("", "expected one TLV object")]
    [InlineData("3000", "not a SET")]
    [InlineData("3103020102", "not a SEQUENCE starting with an OID")]
    [InlineData("3105300306018F", "inside an arc")]
    [InlineData("310E300C060A04007F00070202040202", "no version")]
    [InlineData("3111300F060A04007F000702020402020201FF", "negative")]
    [InlineData("3112301006 0A04007F0007020204020202010204", "")]
    [InlineData("3114301206 0A04007F00070202040202 020102 04010D", "not an INTEGER")]
    [InlineData("310F300D060A04007F000702020402", "")]
    public void Malformed_files_are_a_typed_error(string hex, string what)
    {
        var e = Assert.Throws<CardDataException>(() => CardAccessFile.Parse(Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal))));

        Assert.Contains(what, e.Message, StringComparison.Ordinal);
    }
}
