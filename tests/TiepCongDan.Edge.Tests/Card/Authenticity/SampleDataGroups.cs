namespace TiepCongDan.Edge.Tests.Card.Authenticity;

/// <summary>Made-up DG1 and DG13 bytes (no real person): only their hashes matter here.</summary>
internal static class SampleDataGroups
{
    public static Dictionary<int, byte[]> Create() => new()
    {
        [1] = [0x61, 0x5B, 0x5F, 0x1F, 0x58, .. "IDVNM0123456789001234567890<<<"u8, .. "9001011M3001017VNM<<<<<<<<<<<4"u8, .. "NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<"u8],
        [13] = [0x6D, 0x2A, 0x30, 0x28, 0x02, 0x01, 0x00, 0x30, 0x23, .. "Nguyễn Văn A, Hà Nội, 01/01/1990"u8],
    };
}
