namespace TiepCongDan.Edge.Card.Icao;

/// <summary>
/// Sends one command APDU to a card and returns its whole response APDU (data, then SW1 SW2).
/// The seam between the ICAO protocol code and whatever carries the bytes: the PC/SC reader, a
/// virtual card in tests, or <see cref="SecureMessaging"/> wrapping another transport.
/// Not thread-safe: a card session is one conversation, so callers serialize their exchanges.
/// </summary>
public interface IApduTransport
{
    byte[] Transmit(ReadOnlySpan<byte> commandApdu);
}
