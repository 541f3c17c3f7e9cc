using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Pcsc;

namespace TiepCongDan.Edge.Card.Service;

/// <summary>
/// Finds a reader (its name containing the filter) with a card on it. Waiting is event driven: a
/// <see cref="PcscReaderMonitor"/> blocks in SCardGetStatusChange and reports the readers and cards
/// there are, then each insertion, so a card laid on the reader is seen at once and an idle wait
/// costs nothing. <see cref="FindReaderWithCard"/> answers "right now" by connecting.
/// </summary>
public static class PcscCardWait
{
    /// <returns>The reader's full PC/SC name.</returns>
    /// <exception cref="CardReadException">NoReader when no matching reader appeared in time (or pcscd is absent), NoCard when one did but no card.</exception>
    public static async Task<string> ForCardAsync(string? readerFilter, TimeSpan wait, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var sawReader = false;
        var serviceMissing = false;
        using (var monitor = new PcscReaderMonitor(timeProvider))
        using (var deadline = new CancellationTokenSource(wait, timeProvider))
        using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken))
        {
            try
            {
                await foreach (var change in monitor.Events.ReadAllAsync(waiting.Token).ConfigureAwait(false))
                {
                    switch (change.Kind)
                    {
                        case PcscReaderEventKind.CardInserted when Matches(change.ReaderName, readerFilter):
                            return change.ReaderName;
                        case PcscReaderEventKind.ReaderAdded when Matches(change.ReaderName, readerFilter):
                            sawReader = true;
                            break;
                        case PcscReaderEventKind.ServiceLost:
                            serviceMissing = true;
                            break;
                        case PcscReaderEventKind.ServiceRestored:
                            serviceMissing = false;
                            break;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The wait is over: say what was missing below.
            }

            serviceMissing |= !sawReader && !ServiceAnswers();
        }

        var seconds = Math.Round(wait.TotalSeconds);
        if (!sawReader)
        {
            var why = serviceMissing ? "pcscd is not running" : readerFilter is null ? "no PC/SC reader is connected" : $"no reader's name contains '{readerFilter}'";
            throw new CardReadException(CardReadFailure.NoReader, CardReadMessages.NoReader, $"No card reader within {seconds} s: {why}.");
        }

        throw new CardReadException(CardReadFailure.NoCard, CardReadMessages.NoCard, $"No card on the reader within {seconds} s.");
    }

    /// <summary>The first matching reader holding a card right now (one we can connect to), or null.</summary>
    public static string? FindReaderWithCard(string? readerFilter)
    {
        PcscContext context;
        try
        {
            context = PcscContext.Establish();
        }
        catch (PcscException)
        {
            return null;
        }

        using (context)
        {
            IReadOnlyList<string> readers;
            try
            {
                readers = context.ListReaders();
            }
            catch (PcscException)
            {
                return null;
            }

            foreach (var reader in readers.Where(r => Matches(r, readerFilter)).Order(StringComparer.Ordinal))
            {
                try
                {
                    using var card = context.Connect(reader, PcscShareMode.Shared);
                    return reader;
                }
                catch (PcscException)
                {
                    // No card (or another program holds it): try the next reader.
                }
            }

            return null;
        }
    }

    public static bool Matches(string readerName, string? filter) =>
        string.IsNullOrWhiteSpace(filter) || readerName.Contains(filter, StringComparison.OrdinalIgnoreCase);

    private static bool ServiceAnswers()
    {
        try
        {
            using var context = PcscContext.Establish();
            return true;
        }
        catch (PcscException)
        {
            return false;
        }
    }
}
