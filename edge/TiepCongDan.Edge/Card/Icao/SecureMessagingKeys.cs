namespace TiepCongDan.Edge.Card.Icao;

/// <summary>
/// What a successful access protocol hands to <see cref="SecureMessaging"/>: KSenc, KSmac, the
/// initial send sequence counter (big-endian; 8 bytes for 3DES, 16 for AES) and the cipher.
/// </summary>
public sealed record SecureMessagingKeys(
    ReadOnlyMemory<byte> EncryptionKey,
    ReadOnlyMemory<byte> MacKey,
    ReadOnlyMemory<byte> SendSequenceCounter,
    SecureMessagingCipher Cipher = SecureMessagingCipher.TripleDes);
