using TiepCongDan.CardSim.Vpcd;
using TiepCongDan.Edge.Card.Icao;

namespace TiepCongDan.Edge.Tests.CardSim;

/// <summary>The edge's APDU seam straight onto a virtual card (no PC/SC), powered on at construction; remembers what went over the wire.</summary>
internal sealed class VirtualCardTransport : IApduTransport
{
    private readonly IVirtualCard _card;

    public VirtualCardTransport(IVirtualCard card)
    {
        _card = card;
        _card.PowerOn();
    }

    /// <summary>When set, the next command's last MAC byte is flipped on its way to the card.</summary>
    public bool CorruptNextMac { get; set; }

    public List<byte[]> Commands { get; } = [];

    public byte[] Transmit(ReadOnlySpan<byte> commandApdu)
    {
        var command = commandApdu.ToArray();
        if (CorruptNextMac)
        {
            CorruptNextMac = false;
            command[^2] ^= 0x01; // protected APDUs end in 8E 08 <MAC> 00
        }

        Commands.Add(command);
        return _card.Process(command);
    }
}
