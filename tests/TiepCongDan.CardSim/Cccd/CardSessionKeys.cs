namespace TiepCongDan.CardSim.Cccd;

/// <summary>
/// The card side's secure messaging keys after BAC or PACE: KSenc, KSmac, the initial send
/// sequence counter (8 bytes for 3DES, 16 for AES) and whether the session runs on AES.
/// </summary>
public sealed record CardSessionKeys(byte[] EncryptionKey, byte[] MacKey, byte[] SendSequenceCounter, bool Aes);
