namespace TiepCongDan.Edge.Card.Reading;

/// <summary>An elementary file of the chip: its file id, its tag in EF.COM's list (0 when not listed there) and its data group number (0 for none).</summary>
internal sealed record LdsFile(string Name, ushort FileId, byte ComTag, int DataGroup)
{
    public static readonly LdsFile CardAccess = new("EF.CardAccess", 0x011C, 0, 0);
    public static readonly LdsFile Com = new("EF.COM", 0x011E, 0, 0);
    public static readonly LdsFile Sod = new("EF.SOD", 0x011D, 0, 0);
    public static readonly LdsFile Dg1 = new("DG1", 0x0101, 0x61, 1);
    public static readonly LdsFile Dg2 = new("DG2", 0x0102, 0x75, 2);
    public static readonly LdsFile Dg13 = new("DG13", 0x010D, 0x6D, 13);
    public static readonly LdsFile Dg14 = new("DG14", 0x010E, 0x6E, 14);
    public static readonly LdsFile Dg15 = new("DG15", 0x010F, 0x6F, 15);

    /// <summary>The eMRTD (LDS1) application.</summary>
    public static ReadOnlySpan<byte> Lds1Aid => [0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01];
}
