using System.Diagnostics;
using TiepCongDan.CardSim.Vpcd;

namespace TiepCongDan.Pcsc.Tests;

/// <summary>Shared steps: the shared pcscd (set up before any libpcsclite call), waiting for a card and for events.</summary>
internal static class PcscTestKit
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static PcscdDaemon Daemon => PcscdDaemon.Shared;

    /// <summary>Connects as soon as pcscd has noticed the card (it polls vpcd a few times a second).</summary>
    public static PcscCard ConnectWhenPresent(PcscContext context, string reader)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return context.Connect(reader);
            }
            catch (PcscException e) when (e.Kind is PcscErrorKind.NoCard or PcscErrorKind.CardRemoved && clock.Elapsed < Patience)
            {
                Thread.Sleep(50);
            }
        }
    }

    public static async Task<PcscReaderEvent> NextAsync(PcscReaderMonitor monitor, Func<PcscReaderEvent, bool> match, string what)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            await foreach (var e in monitor.Events.ReadAllAsync(timeout.Token))
            {
                if (match(e))
                {
                    return e;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException($"No {what} within {Patience.TotalSeconds:0} s. Readers now: {string.Join(", ", monitor.Readers.Select(r => $"{r.Name}={(r.CardPresent ? "card" : "empty")}"))}");
    }

    public static Task<PcscReaderEvent> NextAsync(PcscReaderMonitor monitor, PcscReaderEventKind kind, string reader) =>
        NextAsync(monitor, e => e.Kind == kind && e.ReaderName == reader, $"{kind} for '{reader}'");
}
