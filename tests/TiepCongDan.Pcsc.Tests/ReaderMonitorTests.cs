using Microsoft.Extensions.Time.Testing;
using TiepCongDan.CardSim.Vpcd;

namespace TiepCongDan.Pcsc.Tests;

public sealed class ReaderMonitorTests
{
    [Fact]
    public async Task AReaderAddedThenRemovedIsReportedBoth()
    {
        var daemon = PcscTestKit.Daemon;
        var options = new PcscReaderMonitorOptions { InitialRetryDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromMilliseconds(400) };
        using var monitor = new PcscReaderMonitor(options: options);
        await PcscTestKit.NextAsync(monitor, PcscReaderEventKind.ReaderAdded, daemon.Slots[0].ReaderName);

        // pcscd cannot hot-plug serial readers, so the daemon restarts with the new entry (see PcscdDaemon.AddSlot).
        var plugged = daemon.AddSlot();
        try
        {
            await PcscTestKit.NextAsync(monitor, PcscReaderEventKind.ReaderAdded, plugged.ReaderName);
            Assert.Contains(monitor.Readers, r => r.Name == plugged.ReaderName && !r.CardPresent);
        }
        finally
        {
            daemon.RemoveSlot(plugged);
        }

        await PcscTestKit.NextAsync(monitor, PcscReaderEventKind.ReaderRemoved, plugged.ReaderName);
        await PcscTestKit.NextAsync(monitor, PcscReaderEventKind.ReaderAdded, daemon.Slots[0].ReaderName);
        Assert.DoesNotContain(monitor.Readers, r => r.Name == plugged.ReaderName);
        using var context = PcscContext.Establish();
        Assert.DoesNotContain(plugged.ReaderName, context.ListReaders());
    }

    [Fact]
    public async Task AnIdleMonitorWaitsInsteadOfSpinning()
    {
        var daemon = PcscTestKit.Daemon;
        using var monitor = new PcscReaderMonitor();
        await PcscTestKit.NextAsync(monitor, PcscReaderEventKind.ReaderAdded, daemon.Slots[^1].ReaderName);
        await Task.Delay(500);
        var before = monitor.StatusChangeReturns;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var returns = monitor.StatusChangeReturns - before;
        // A loop passing UNAWARE returns thousands of times in 3 s; a blocking wait returns only when something changes.
        Assert.True(returns <= 3, $"SCardGetStatusChange returned {returns} times in 3 s of nothing happening.");
    }

    [Fact]
    public async Task InsertingAndRemovingACardAreReportedWithTheAtr()
    {
        using var slot = PcscTestKit.Daemon.LeaseSlot();
        using var monitor = new PcscReaderMonitor();
        await PcscTestKit.NextAsync(monitor, PcscReaderEventKind.ReaderAdded, slot.ReaderName);
        var card = new ScriptedCard();
        using var client = new VpcdCardClient(card, slot.Port);

        client.Insert();
        var inserted = await PcscTestKit.NextAsync(monitor, PcscReaderEventKind.CardInserted, slot.ReaderName);
        Assert.Equal(card.Atr, inserted.Atr);
        Assert.Contains(monitor.Readers, r => r.Name == slot.ReaderName && r.CardPresent && r.Atr!.SequenceEqual(card.Atr));

        client.Remove();
        await PcscTestKit.NextAsync(monitor, PcscReaderEventKind.CardRemoved, slot.ReaderName);
        Assert.Contains(monitor.Readers, r => r.Name == slot.ReaderName && !r.CardPresent);

        client.Insert();
        await PcscTestKit.NextAsync(monitor, PcscReaderEventKind.CardInserted, slot.ReaderName);
    }

    [Fact]
    public async Task KillingPcscdIsServiceLostAndItsRestartServiceRestored()
    {
        var daemon = PcscTestKit.Daemon;
        var reader = daemon.Slots[0].ReaderName;
        var options = new PcscReaderMonitorOptions { InitialRetryDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromMilliseconds(400) };
        using var monitor = new PcscReaderMonitor(options: options);
        await PcscTestKit.NextAsync(monitor, PcscReaderEventKind.ReaderAdded, reader);

        daemon.Kill();
        try
        {
            await PcscTestKit.NextAsync(monitor, e => e.Kind == PcscReaderEventKind.ServiceLost, "ServiceLost");
            await PcscTestKit.NextAsync(monitor, PcscReaderEventKind.ReaderRemoved, reader);
            Assert.Empty(monitor.Readers);
            var error = Assert.Throws<PcscException>(PcscContext.Establish);
            Assert.Equal(PcscErrorKind.NoService, error.Kind);
            Assert.Contains("pcscd", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            daemon.Restart();
        }

        await PcscTestKit.NextAsync(monitor, e => e.Kind == PcscReaderEventKind.ServiceRestored, "ServiceRestored");
        await PcscTestKit.NextAsync(monitor, PcscReaderEventKind.ReaderAdded, reader);
        using var context = PcscContext.Establish();
        Assert.Contains(reader, context.ListReaders());
    }

    [Fact]
    public async Task ReconnectingWaitsOnTheInjectedClock()
    {
        var daemon = PcscTestKit.Daemon;
        var reader = daemon.Slots[0].ReaderName;
        var clock = new FakeTimeProvider();
        var options = new PcscReaderMonitorOptions { InitialRetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromMinutes(2) };
        using var monitor = new PcscReaderMonitor(clock, options: options);
        await PcscTestKit.NextAsync(monitor, PcscReaderEventKind.ReaderAdded, reader);

        daemon.Kill();
        try
        {
            await PcscTestKit.NextAsync(monitor, e => e.Kind == PcscReaderEventKind.ServiceLost, "ServiceLost");
            // By now the monitor has failed to reconnect once and sleeps 30 s on the fake clock.
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        finally
        {
            daemon.Restart();
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        while (monitor.Events.TryRead(out var early))
        {
            Assert.NotEqual(PcscReaderEventKind.ServiceRestored, early.Kind);
        }

        clock.Advance(TimeSpan.FromSeconds(30));
        await PcscTestKit.NextAsync(monitor, e => e.Kind == PcscReaderEventKind.ServiceRestored, "ServiceRestored after the fake clock moved");
        await PcscTestKit.NextAsync(monitor, PcscReaderEventKind.ReaderAdded, reader);
    }
}
