using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Card.Authenticity;
using TiepCongDan.Edge.Card.Identity;
using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Pcsc;

namespace TiepCongDan.Edge.Card.Service;

/// <summary>
/// The kiosk's card reader: follows readers and cards with <see cref="PcscReaderMonitor"/> (pcscd
/// may be absent or restart; the monitor reconnects and the health says so) and reads a card for
/// the session with <see cref="ReadAsync"/>, one read at a time. Its <see cref="Health"/> feeds the
/// card-reader device on the fleet channel.
/// </summary>
public sealed partial class CardReaderService : BackgroundService, ICitizenCardReader
{
    private static readonly TimeSpan CardGrace = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan CardGracePoll = TimeSpan.FromMilliseconds(100);

    private readonly EdgeCardOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _oneRead = new(1, 1);
    private readonly Lazy<CscaTrustStore?> _trustStore;

    public CardReaderService(IOptions<EdgeCardOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options.Value;
        _time = timeProvider;
        _loggers = loggerFactory;
        _logger = loggerFactory.CreateLogger<CardReaderService>();
        Health = new CardReaderHealth(_options.ReaderName, timeProvider);
        _trustStore = new Lazy<CscaTrustStore?>(() => string.IsNullOrWhiteSpace(_options.CscaDirectory) ? null : CscaTrustStore.LoadFromDirectory(_options.CscaDirectory));
    }

    public CardReaderHealth Health { get; }

    /// <summary>
    /// Reads the card on the reader (waiting a moment if its insertion is still being reported).
    /// Serialized: a second caller waits for the first read to end.
    /// </summary>
    /// <exception cref="CardReadException">With the staff message; <see cref="CardRemovedException"/> when the card was pulled.</exception>
    public async Task<CitizenIdentity> ReadAsync(CardAccessKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _oneRead.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var reader = await ReaderWithCardAsync(cancellationToken).ConfigureAwait(false);
            var settings = new ChipReadSettings { ChunkSize = _options.ChunkSize, ReadFaceImage = _options.ReadFaceImage };
            var logger = _loggers.CreateLogger<CccdChipReader>();
            var identity = await Task.Run(
                () => PcscChipSession.Read(reader, key, settings, _trustStore.Value, TimeSpan.FromMilliseconds(_options.ApduTimeoutMs), _time, logger, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            Health.ReadSucceeded(identity);
            return identity;
        }
        catch (CardReadException ex)
        {
            Health.ReadFailed(ex.Failure);
            throw;
        }
        finally
        {
            _oneRead.Release();
        }
    }

    public override void Dispose()
    {
        _oneRead.Dispose();
        if (_trustStore.IsValueCreated)
        {
            _trustStore.Value?.Dispose();
        }

        base.Dispose();
    }

    /// <summary>
    /// Every reader and card change this service's one monitor sees (raised on its loop; handlers
    /// must be quick), so other parts of the kiosk follow the card without a second pcscd watch.
    /// </summary>
    public event EventHandler<PcscReaderEvent>? Changed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Load the trust store now: a broken CSCA file should show in the log at start, not at the first citizen.
        _ = _trustStore.Value;
        using var monitor = new PcscReaderMonitor(_time, _loggers.CreateLogger<PcscReaderMonitor>());
        try
        {
            await foreach (var change in monitor.Events.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                Apply(change);
                Changed?.Invoke(this, change);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Apply(PcscReaderEvent change)
    {
        switch (change.Kind)
        {
            case PcscReaderEventKind.ReaderAdded:
                Health.ReaderAdded(change.ReaderName);
                break;
            case PcscReaderEventKind.ReaderRemoved:
                Health.ReaderRemoved(change.ReaderName);
                break;
            case PcscReaderEventKind.CardInserted:
                Health.CardInserted(change.ReaderName);
                break;
            case PcscReaderEventKind.CardRemoved:
                Health.CardRemoved(change.ReaderName);
                break;
            case PcscReaderEventKind.ServiceLost:
                Health.ServiceLost();
                break;
            case PcscReaderEventKind.ServiceRestored:
                Health.ServiceRestored();
                break;
            default:
                return;
        }

        ReaderChanged(_logger, change.Kind.ToString(), change.ReaderName);
    }

    private async Task<string> ReaderWithCardAsync(CancellationToken cancellationToken)
    {
        var deadline = _time.GetTimestamp();
        while (true)
        {
            // The monitor's events may lag an insertion: ask PC/SC directly before giving up.
            if ((Health.ReaderWithCard ?? PcscCardWait.FindReaderWithCard(_options.ReaderName)) is { } reader)
            {
                return reader;
            }

            if (_time.GetElapsedTime(deadline) >= CardGrace)
            {
                throw Health.ReaderName is null
                    ? new CardReadException(CardReadFailure.NoReader, CardReadMessages.NoReader, "No card reader is connected (or pcscd is not running).")
                    : new CardReadException(CardReadFailure.NoCard, CardReadMessages.NoCard, "The reader has no card.");
            }

            await Task.Delay(CardGracePoll, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 5120, Level = LogLevel.Information, Message = "Card reader: {Change} {Reader}")]
    private static partial void ReaderChanged(ILogger logger, string change, string reader);
}
