using TiepCongDan.CardSim.Vicc;
using TiepCongDan.Edge.Card.Transport;

namespace TiepCongDan.Pcsc.Tests;

/// <summary>vicc's ePass in a leased reader of the test pcscd, connected, as the edge's APDU transport.</summary>
internal sealed class ViccOnReader : IDisposable
{
    public static readonly byte[] SelectEpassApplication = [0x00, 0xA4, 0x04, 0x0C, 0x07, 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01];

    // Disposed in reverse order, also when the constructor fails half way (vicc is a process).
    private readonly Stack<IDisposable> _owned = new();

    public ViccOnReader()
    {
        try
        {
            var slot = Own(PcscTestKit.Daemon.LeaseSlot());
            Own(ViccCard.Insert(slot.Port));
            var context = Own(PcscContext.Establish());
            var card = Own(PcscTestKit.ConnectWhenPresent(context, slot.ReaderName));
            Transport = new PcscApduTransport(card, TimeSpan.FromSeconds(10));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public PcscApduTransport Transport { get; }

    public void Dispose()
    {
        while (_owned.TryPop(out var owned))
        {
            owned.Dispose();
        }
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Push(disposable);
        return disposable;
    }
}
