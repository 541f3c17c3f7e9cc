using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Pcsc;

namespace TiepCongDan.Edge.Reception.Inputs;

/// <summary>
/// Turns the PC/SC readers' card changes into <see cref="CardSignal"/>s (inserted, removed) for the
/// session flow: its own <see cref="PcscReaderMonitor"/>, which blocks in pcscd until something
/// changes and reconnects when pcscd restarts. Only the configured reader (Edge:Card:ReaderName) counts.
/// </summary>
public sealed class PcscCardSignalSource(IOptions<EdgeCardOptions> options, CardSignalFeed feed, TimeProvider time, ILoggerFactory loggers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var filter = options.Value.ReaderName;
        using var monitor = new PcscReaderMonitor(time, loggers.CreateLogger<PcscReaderMonitor>());
        try
        {
            await foreach (var change in monitor.Events.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                if (!string.IsNullOrWhiteSpace(filter) && !change.ReaderName.Contains(filter, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var kind = change.Kind switch
                {
                    PcscReaderEventKind.CardInserted => CardSignalKind.CardInserted,
                    PcscReaderEventKind.CardRemoved => CardSignalKind.CardRemoved,
                    _ => (CardSignalKind?)null,
                };
                if (kind is { } k)
                {
                    feed.Publish(new CardSignal(k, time.GetUtcNow()));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
