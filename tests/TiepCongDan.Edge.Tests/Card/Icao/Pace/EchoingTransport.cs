using TiepCongDan.Edge.Card.Icao;

namespace TiepCongDan.Edge.Tests.Card.Icao.Pace;

/// <summary>Lets a test see each command and replace each answer, in front of another transport.</summary>
internal sealed class EchoingTransport(IApduTransport inner, Action<byte[]> seen, Func<int, byte[], byte[]> answer) : IApduTransport
{
    private int _index;

    public byte[] Transmit(ReadOnlySpan<byte> commandApdu)
    {
        seen(commandApdu.ToArray());
        return answer(_index++, inner.Transmit(commandApdu));
    }
}
