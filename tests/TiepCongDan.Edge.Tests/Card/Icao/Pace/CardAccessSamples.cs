namespace TiepCongDan.Edge.Tests.Card.Icao.Pace;

/// <summary>EF.CardAccess contents built from their parts, so each test says which SecurityInfos it holds.</summary>
internal static class CardAccessSamples
{
    public const string EcdhGmAes128 = "04007F00070202040202";
    public const string EcdhGm3Des = "04007F00070202040201";
    public const string EcdhImAes128 = "04007F00070202040402";
    public const string DhGmAes128 = "04007F00070202040102";
    public const string ChipAuthenticationEcdhAes128 = "04007F00070202030202";
    public const string PaceEcdhGmDomainParameters = "04007F000702020402";

    public static string Tlv(string tag, string valueHex) =>
        tag + (valueHex.Length / 2 < 0x80 ? $"{valueHex.Length / 2:X2}" : $"81{valueHex.Length / 2:X2}") + valueHex;

    public static string Info(string oidHex, params string[] integers) =>
        Tlv("30", Tlv("06", oidHex) + string.Concat(integers.Select(i => Tlv("02", i))));

    public static byte[] Set(params string[] infos) => Convert.FromHexString(Tlv("31", string.Concat(infos)));

    /// <summary>What a CCCD-like card may announce: PACE GM and IM, chip authentication, and PACE domain parameters.</summary>
    public static byte[] Typical() => Set(
        Info(EcdhGmAes128, "02", "0D"),
        Info(EcdhImAes128, "02", "0D"),
        Info(ChipAuthenticationEcdhAes128, "01"),
        Tlv("30", Tlv("06", PaceEcdhGmDomainParameters) + Tlv("30", Tlv("06", "2B24030302080101") + Tlv("02", "0D"))));
}
