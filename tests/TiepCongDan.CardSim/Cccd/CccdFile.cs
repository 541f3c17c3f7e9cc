namespace TiepCongDan.CardSim.Cccd;

/// <summary>One transparent elementary file on the virtual card.</summary>
/// <param name="Name">How logs and tests name it: "EF.COM", "DG1", "DG13", "EF.SOD", "EF.CardAccess".</param>
/// <param name="FileId">The 2-byte file identifier (0x0101 for DG1).</param>
/// <param name="ShortFileId">The short EF identifier READ BINARY may name in P1 (0x01 for DG1).</param>
/// <param name="Content">The whole file, tag included.</param>
/// <param name="RequiresAccessControl">False only for EF.CardAccess, which a reader reads before PACE.</param>
/// <param name="InApplication">True for the eMRTD application's files; false for the master file's (EF.CardAccess).</param>
public sealed record CccdFile(string Name, ushort FileId, byte ShortFileId, byte[] Content, bool RequiresAccessControl, bool InApplication)
{
    /// <summary>True for DG3 (fingerprints): only terminal authentication (EAC) opens it, which this card does not offer, so reads answer 6982 even under secure messaging.</summary>
    public bool RequiresExtendedAccessControl { get; init; }
}
