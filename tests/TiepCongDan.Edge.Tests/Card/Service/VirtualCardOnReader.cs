using TiepCongDan.CardSim.Cccd;
using TiepCongDan.CardSim.Vpcd;
using TiepCongDan.Edge.Card.Service;

namespace TiepCongDan.Edge.Tests.Card.Service;

/// <summary>A virtual CCCD on a leased reader of the shared test pcscd (real PC/SC through vpcd), removed and returned on dispose.</summary>
internal sealed class VirtualCardOnReader : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public VirtualCardOnReader(VirtualCccdCardOptions options)
    {
        Slot = PcscdDaemon.Shared.LeaseSlot();
        Card = new VirtualCccdCard(options);
        Client = new VpcdCardClient(Card, Slot.Port);
    }

    public VirtualReaderSlot Slot { get; }

    public VirtualCccdCard Card { get; }

    public VpcdCardClient Client { get; }

    public string ReaderName => Slot.ReaderName;

    /// <summary>Inserts the card and returns once pcscd reports it on the reader.</summary>
    public async Task InsertAsync()
    {
        Client.Insert();
        try
        {
            var found = await PcscCardWait.ForCardAsync(ReaderName, Patience, TimeProvider.System, CancellationToken.None);
            Assert.Equal(ReaderName, found);
        }
        catch (Edge.Card.Reading.CardReadException e)
        {
            var log = File.Exists(PcscdDaemon.Shared.LogPath) ? File.ReadLines(PcscdDaemon.Shared.LogPath).TakeLast(30) : [];
            throw new InvalidOperationException(
                $"The card on {Slot} was not seen ({e.Message}); client inserted: {Client.IsInserted}, commands: {Client.CommandCount}. pcscd log:\n{string.Join('\n', log)}", e);
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        Slot.Dispose();
    }
}
