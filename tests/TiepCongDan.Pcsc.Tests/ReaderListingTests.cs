namespace TiepCongDan.Pcsc.Tests;

public sealed class ReaderListingTests
{
    [Fact]
    public void ListsEveryVirtualReaderOfTheTestDaemon()
    {
        var daemon = PcscTestKit.Daemon;
        using var context = PcscContext.Establish();
        var readers = context.ListReaders();
        Assert.All(daemon.Slots, slot => Assert.Contains(slot.ReaderName, readers));
        Assert.True(context.IsValid);
    }

    [Fact]
    public void ConnectingToAnEmptyReaderSaysThereIsNoCard()
    {
        using var slot = PcscTestKit.Daemon.LeaseSlot();
        using var context = PcscContext.Establish();
        var error = Assert.Throws<PcscException>(() => context.Connect(slot.ReaderName));
        Assert.Equal(PcscErrorKind.NoCard, error.Kind);
        Assert.Contains(slot.ReaderName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReaderStatusesShowWhichReaderHoldsACardWithoutConnecting()
    {
        using var slot = PcscTestKit.Daemon.LeaseSlot();
        var card = new ScriptedCard();
        using var client = new TiepCongDan.CardSim.Vpcd.VpcdCardClient(card, slot.Port);
        using var context = PcscContext.Establish();
        Assert.Contains(context.GetReaderStatuses(), r => r.Name == slot.ReaderName && !r.CardPresent && r.Atr is null);

        client.Insert();
        using (PcscTestKit.ConnectWhenPresent(context, slot.ReaderName))
        {
            // Even while another connection holds the card exclusively.
            var status = Assert.Single(context.GetReaderStatuses(), r => r.Name == slot.ReaderName);
            Assert.True(status.CardPresent);
            Assert.Equal(card.Atr, status.Atr);
        }

        Assert.Equal(0, client.CommandCount);
    }

    [Fact]
    public void ConnectingToAnUnknownReaderSaysSo()
    {
        _ = PcscTestKit.Daemon;
        using var context = PcscContext.Establish();
        var error = Assert.Throws<PcscException>(() => context.Connect("No Such Reader 00 00"));
        Assert.Equal(PcscErrorKind.NoReader, error.Kind);
        Assert.Equal("SCARD_E_UNKNOWN_READER", error.ErrorName);
    }
}
