namespace TiepCongDan.CardSim.Cccd;

/// <summary>One command the virtual card answered.</summary>
/// <param name="Instruction">INS of the plain command (of the outer one when secure messaging rejected it).</param>
/// <param name="SelectedFile">The file selected after the command ("DG13", "EF.SOD", ...), or null.</param>
/// <param name="SecureMessaging">Whether the command arrived protected.</param>
/// <param name="AccessControlCompleted">Whether BAC or PACE had completed when the command arrived.</param>
/// <param name="StatusWord">SW1 SW2 answered (inside DO'99' for protected answers).</param>
/// <param name="FileRequiresAccessControl">Whether <paramref name="SelectedFile"/> may only be read after access control.</param>
public sealed record CardCommandLogEntry(
    byte Instruction,
    string? SelectedFile,
    bool SecureMessaging,
    bool AccessControlCompleted,
    ushort StatusWord,
    bool FileRequiresAccessControl)
{
    public const byte ReadBinary = 0xB0;

    /// <summary>A READ BINARY that returned file data.</summary>
    public bool IsSuccessfulRead => Instruction == ReadBinary && StatusWord == 0x9000 && SelectedFile is not null;
}
