using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Pcsc;

namespace TiepCongDan.Edge.Card.Transport;

/// <summary>
/// The ICAO code's <see cref="IApduTransport"/> over a connected PC/SC card: each APDU gets
/// <paramref name="timeout"/> (61xx and 6Cxx are completed by <see cref="PcscCard.Transmit"/>).
/// Failures stay <see cref="PcscException"/>s (Kind CardRemoved when the card is pulled, Timeout,
/// NoService) so the reader can tell "put the card back" from a wrong access key. Does not own the card.
/// </summary>
public sealed class PcscApduTransport(PcscCard card, TimeSpan timeout) : IApduTransport
{
    private readonly PcscCard _card = card ?? throw new ArgumentNullException(nameof(card));
    private readonly TimeSpan _timeout = timeout > TimeSpan.Zero ? timeout : throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The APDU timeout must be positive.");

    public PcscCard Card => _card;

    public byte[] Transmit(ReadOnlySpan<byte> commandApdu) => _card.Transmit(commandApdu, _timeout);
}
