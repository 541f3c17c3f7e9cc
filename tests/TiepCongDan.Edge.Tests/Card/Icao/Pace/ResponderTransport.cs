using TiepCongDan.CardSim.Cccd;
using TiepCongDan.Edge.Card.Icao;

namespace TiepCongDan.Edge.Tests.Card.Icao.Pace;

/// <summary>
/// Carries the reader's APDUs to the card-side PACE responder, and the APDUs after PACE to a
/// test's handler. <see cref="Tamper"/> may change any answer, to play a broken card or a man in the middle.
/// </summary>
internal sealed class ResponderTransport(IPaceResponder card) : IApduTransport
{
    public Func<byte[], byte[]>? AfterPace { get; set; }

    public Func<int, byte[], byte[]>? Tamper { get; set; }

    public int Exchanges { get; private set; }

    public byte[] Transmit(ReadOnlySpan<byte> commandApdu)
    {
        var answer = card.TryProcess(commandApdu)
            ?? AfterPace?.Invoke(commandApdu.ToArray())
            ?? throw new InvalidOperationException($"No one answers {Convert.ToHexString(commandApdu)}.");
        var index = Exchanges++;
        return Tamper is { } tamper ? tamper(index, answer) : answer;
    }
}
