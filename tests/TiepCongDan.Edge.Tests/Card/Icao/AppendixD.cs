namespace TiepCongDan.Edge.Tests.Card.Icao;

/// <summary>The worked BAC example of ICAO Doc 9303-11 Appendix D (a fictional passport), as hex.</summary>
internal static class AppendixD
{
    public const string MrzInformation = "L898902C<369080619406236";
    public const string DocumentNumber = "L898902C";
    public const string DateOfBirth = "690806";
    public const string DateOfExpiry = "940623";
    public const string KeySeed = "239AB9CB282DAF66231DC5A4DF6BFBAE";
    public const string Kenc = "AB94FDECF2674FDFB9B391F85D7F76F2";
    public const string Kmac = "7962D9ECE03D1ACD4C76089DCE131543";
    public const string RndIc = "4608F91988702212";
    public const string RndIfd = "781723860C06C226";
    public const string KIfd = "0B795240CB7049B01C19B33E32804F0B";
    public const string EIfd = "72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2";
    public const string MIfd = "5F1448EEA8AD90A7";
    public const string CardResponse = "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449";
    public const string KIc = "0B4F80323EB3191CB04970CB4052790B";
    public const string KsEnc = "979EC13B1CBFE9DCD01AB0FED307EAE5";
    public const string KsMac = "F1CB1F1FB5ADF208806B89DC579DC1F8";
    public const string Ssc = "887022120C06C226";
    public const string SelectEfCom = "00A4020C02011E";
    public const string ProtectedSelectEfCom = "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800";
    public const string ProtectedSelectResponse = "990290008E08FA855A5D4C50A8ED9000";
    public const string ReadBinary4 = "00B0000004";
    public const string ProtectedReadBinary4 = "0CB000000D9701048E08ED6705417E96BA5500";
    public const string ProtectedReadBinaryResponse = "8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000";
    public const string ReadBinaryPlain = "60145F01";

    public const string GetChallenge = "0084000008";
    public const string ExternalAuthenticate = "0082000028" + EIfd + MIfd + "28";
}
