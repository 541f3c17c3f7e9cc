using TiepCongDan.CardSim.Vpcd;

namespace TiepCongDan.Benchmarks.Card;

/// <summary>
/// The baseline card: answers the recorded commands of a real read with their recorded
/// responses, in order, with no cryptography and no file system. Timing the same APDU sequence
/// against it measures only the round trips (our PC/SC binding, pcscd, vpcd and the socket).
/// </summary>
internal sealed class ReplayCard(IReadOnlyList<VpcdExchange> recording, byte[] atr) : IVirtualCard
{
    private int _next;

    public byte[] Atr { get; } = atr;

    public void PowerOn() => _next = 0;

    public void PowerOff() => _next = 0;

    public void Reset() => _next = 0;

    public void Rewind() => _next = 0;

    public byte[] Process(ReadOnlySpan<byte> commandApdu)
    {
        // Answering whatever comes keeps the baseline honest even if PC/SC added a GET RESPONSE.
        var exchange = recording[_next % recording.Count];
        _next++;
        return exchange.Response;
    }
}
