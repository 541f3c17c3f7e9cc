using TiepCongDan.CardSim.Cccd;
using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Edge.Tests.Card.Icao;

namespace TiepCongDan.Edge.Tests.CardSim;

/// <summary>
/// The card's own BAC and secure messaging against ICAO 9303-11 Appendix D byte for byte: given the
/// example's RND.IC and K.IC, the card must answer exactly the example's cryptogram and protect its
/// answers under exactly the example's session keys and counter.
/// </summary>
public sealed class VirtualCccdCard_AppendixD_Tests
{
    private static readonly byte[] SelectApplication = [0x00, 0xA4, 0x04, 0x0C, 0x07, 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01];

    [Fact]
    public void Card_side_BAC_and_protected_SELECT_match_Appendix_D()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions
        {
            BacMrzInformation = AppendixD.MrzInformation,
            Random = new FixedRandom(Convert.FromHexString(AppendixD.RndIc + AppendixD.KIc)),
        });
        var transport = new VirtualCardTransport(card);
        transport.Transmit(SelectApplication);

        Assert.Equal(AppendixD.RndIc + "9000", Hex(transport.Transmit(Convert.FromHexString(AppendixD.GetChallenge))));
        Assert.Equal(AppendixD.CardResponse + "9000", Hex(transport.Transmit(Convert.FromHexString(AppendixD.ExternalAuthenticate))));
        Assert.Equal(AppendixD.ProtectedSelectResponse, Hex(transport.Transmit(Convert.FromHexString(AppendixD.ProtectedSelectEfCom))));

        // The protected READ BINARY of Appendix D is accepted (its MAC checks under KSmac and SSC+3);
        // the answer carries this card's EF.COM, decrypted here with the example's session keys.
        var response = transport.Transmit(Convert.FromHexString(AppendixD.ProtectedReadBinary4));
        var keys = new SecureMessagingKeys(Convert.FromHexString(AppendixD.KsEnc), Convert.FromHexString(AppendixD.KsMac), Convert.FromHexString("887022120C06C229"));
        var plain = new SecureMessaging(transport, keys).Unwrap(response);
        Assert.Equal([.. card.Image.Com[..4], 0x90, 0x00], plain);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes);
}
