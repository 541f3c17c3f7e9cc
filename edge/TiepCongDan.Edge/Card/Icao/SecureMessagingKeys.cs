namespace TiepCongDan.Edge.Card.Icao;

/// <summary>
/// What a successful access protocol hands to <see cref="SecureMessaging"/>: KSenc, KSmac and
/// the initial send sequence counter (8 bytes, big-endian).
/// </summary>
public sealed record SecureMessagingKeys(ReadOnlyMemory<byte> EncryptionKey, ReadOnlyMemory<byte> MacKey, ReadOnlyMemory<byte> SendSequenceCounter);
