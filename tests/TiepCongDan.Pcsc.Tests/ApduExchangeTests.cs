using TiepCongDan.CardSim.Vpcd;

namespace TiepCongDan.Pcsc.Tests;

public sealed class ApduExchangeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void ExchangesApdusAndCompletes61xxAnd6Cxx()
    {
        using var slot = PcscTestKit.Daemon.LeaseSlot();
        var card = new ScriptedCard();
        using var client = new VpcdCardClient(card, slot.Port);
        client.Insert();
        using var context = PcscContext.Establish();
        using var connected = PcscTestKit.ConnectWhenPresent(context, slot.ReaderName);

        Assert.Equal(slot.ReaderName, connected.ReaderName);
        Assert.Equal(card.Atr, connected.Atr);
        Assert.NotEqual(PcscProtocol.Undefined, connected.Protocol);
        Assert.Equal([0x90, 0x00], connected.Transmit([0x00, 0xA4, 0x04, 0x0C, 0x02, 0x3F, 0x00], Timeout));
        Assert.Equal([0x11, 0x22, 0x33, 0x90, 0x00], connected.Transmit([0x80, 0x20, 0x00, 0x00, 0x03, 0x11, 0x22, 0x33], Timeout));

        var before = client.CommandCount;
        Assert.Equal([.. ScriptedCard.DelayedData, 0x90, 0x00], connected.Transmit([0x80, 0x10, 0x00, 0x00, 0x00], Timeout));
        Assert.Equal(before + 2, client.CommandCount);
        Assert.Equal([0x00, 0xC0, 0x00, 0x00, 0x05], client.Transcript[^1].Command);

        Assert.Equal([.. ScriptedCard.ExactData, 0x90, 0x00], connected.Transmit([0x80, 0x12, 0x00, 0x00, 0x00], Timeout));
        Assert.Equal([0x80, 0x12, 0x00, 0x00, 0x08], client.Transcript[^1].Command);
        Assert.All(client.Transcript, exchange => Assert.True(exchange.ProcessingTime >= TimeSpan.Zero));
    }

    [Fact]
    public async Task ATimeoutAbandonsTheHandleAndAFreshConnectionWorks()
    {
        using var slot = PcscTestKit.Daemon.LeaseSlot();
        using var client = new VpcdCardClient(new ScriptedCard(), slot.Port);
        client.Insert();
        using var context = PcscContext.Establish();
        var stuck = PcscTestKit.ConnectWhenPresent(context, slot.ReaderName);

        client.StallNextCommand();
        var timedOut = Assert.Throws<PcscException>(() => stuck.Transmit([0x00, 0xA4, 0x04, 0x0C, 0x02, 0x3F, 0x00], TimeSpan.FromSeconds(1)));
        Assert.Equal(PcscErrorKind.Timeout, timedOut.Kind);
        Assert.Contains("did not answer within 1 s", timedOut.Message, StringComparison.Ordinal);
        var unusable = Assert.Throws<PcscException>(() => stuck.Transmit([0x00, 0xA4, 0x04, 0x0C, 0x02, 0x3F, 0x00], Timeout));
        Assert.Equal(PcscErrorKind.Timeout, unusable.Kind);
        Assert.Contains("connect again", unusable.Message, StringComparison.Ordinal);
        // Dispose must not wait for the native call that is still blocked; the handle goes once the card does.
        stuck.Dispose();
        Assert.False(stuck.Released.IsCompleted);
        client.Remove();
        await stuck.Released.WaitAsync(PcscTestKit.Patience);

        client.Insert();
        using var fresh = PcscTestKit.ConnectWhenPresent(context, slot.ReaderName);
        Assert.Equal([0x90, 0x00], fresh.Transmit([0x00, 0xA4, 0x04, 0x0C, 0x02, 0x3F, 0x00], Timeout));
    }

    [Fact]
    public void ACardPulledMidReadIsCardRemovedAndReinsertingWorks()
    {
        using var slot = PcscTestKit.Daemon.LeaseSlot();
        using var client = new VpcdCardClient(new ScriptedCard(), slot.Port);
        client.Insert();
        using var context = PcscContext.Establish();
        using (var card = PcscTestKit.ConnectWhenPresent(context, slot.ReaderName))
        {
            client.PullAfterCommands(2);
            card.Transmit([0x00, 0xA4, 0x04, 0x0C, 0x02, 0x3F, 0x00], Timeout);
            card.Transmit([0x00, 0xA4, 0x04, 0x0C, 0x02, 0x3F, 0x00], Timeout);
            var pulled = Assert.Throws<PcscException>(() => card.Transmit([0x00, 0xA4, 0x04, 0x0C, 0x02, 0x3F, 0x00], Timeout));
            Assert.True(pulled.Kind == PcscErrorKind.CardRemoved, $"{pulled.Kind}: {pulled.Message}");
            Assert.Contains("place it again", pulled.Message, StringComparison.Ordinal);
            Assert.False(client.IsInserted);
        }

        client.Insert();
        using var again = PcscTestKit.ConnectWhenPresent(context, slot.ReaderName);
        Assert.Equal([0x90, 0x00], again.Transmit([0x00, 0xA4, 0x04, 0x0C, 0x02, 0x3F, 0x00], Timeout));
    }
}
