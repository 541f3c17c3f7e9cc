using TiepCongDan.CardSim.Vpcd;
using TiepCongDan.Edge.Card.Icao;

namespace TiepCongDan.Edge.Tests.Card.Reading;

/// <summary>The virtual card straight behind the reader's transport seam (no PC/SC): the in-process tests' card on the reader.</summary>
internal sealed class VirtualCardTransport : IApduTransport
{
    private readonly IVirtualCard _card;

    public VirtualCardTransport(IVirtualCard card)
    {
        _card = card;
        _card.PowerOn();
    }

    /// <summary>Every command APDU sent, in order.</summary>
    public List<byte[]> Commands { get; } = [];

    public byte[] Transmit(ReadOnlySpan<byte> commandApdu)
    {
        Commands.Add(commandApdu.ToArray());
        return _card.Process(commandApdu);
    }
}
