using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Card.Service;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Pcsc;

namespace TiepCongDan.Edge.Reception.Inputs;

/// <summary>
/// Turns the PC/SC readers' card changes into <see cref="CardSignal"/>s (inserted, removed) for the
/// session flow. It follows <see cref="CardReaderService.Changed"/>, the card reader's own monitor,
/// rather than opening a second watch on pcscd. Only the configured reader (Edge:Card:ReaderName) counts.
/// </summary>
public sealed class PcscCardSignalSource : IHostedService, IDisposable
{
    private readonly string? _filter;
    private readonly CardReaderService _reader;
    private readonly CardSignalFeed _feed;
    private readonly TimeProvider _time;

    /// <summary>Subscribes at construction: the host builds every hosted service before starting any, so the reader's first events (a card already on it) are not missed.</summary>
    public PcscCardSignalSource(IOptions<EdgeCardOptions> options, CardReaderService reader, CardSignalFeed feed, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(reader);
        _filter = options.Value.ReaderName;
        _reader = reader;
        _feed = feed;
        _time = time;
        reader.Changed += OnChanged;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _reader.Changed -= OnChanged;

    private void OnChanged(object? sender, PcscReaderEvent change)
    {
        var filter = _filter;
        if (!string.IsNullOrWhiteSpace(filter) && !change.ReaderName.Contains(filter, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var kind = change.Kind switch
        {
            PcscReaderEventKind.CardInserted => CardSignalKind.CardInserted,
            PcscReaderEventKind.CardRemoved => CardSignalKind.CardRemoved,
            _ => (CardSignalKind?)null,
        };
        if (kind is { } k)
        {
            _feed.Publish(new CardSignal(k, _time.GetUtcNow()));
        }
    }
}
