using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Pcsc;

namespace TiepCongDan.Edge.Card.Service;

/// <summary>
/// Finds a reader (its name containing the filter) with a card on it, trying to connect a few times
/// a second until the wait ends. Connecting is the one test every reader driver answers the same
/// way, and it works while pcscd is being (re)started; a short sleep between tries keeps it far from a busy loop.
/// </summary>
public static class PcscCardWait
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(200);

    /// <returns>The reader's full PC/SC name.</returns>
    /// <exception cref="CardReadException">NoReader when no matching reader appeared in time (or pcscd is absent), NoCard when one did but no card.</exception>
    public static async Task<string> ForCardAsync(string? readerFilter, TimeSpan wait, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var started = timeProvider.GetTimestamp();
        var sawReader = false;
        var serviceMissing = false;
        while (true)
        {
            var probe = Probe(readerFilter);
            sawReader |= probe.SawReader;
            serviceMissing = probe.ServiceMissing;
            if (probe.ReaderWithCard is { } reader)
            {
                return reader;
            }

            if (timeProvider.GetElapsedTime(started) >= wait)
            {
                break;
            }

            await Task.Delay(ProbeInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        var seconds = Math.Round(wait.TotalSeconds);
        if (!sawReader)
        {
            var why = serviceMissing ? "pcscd is not running" : readerFilter is null ? "no PC/SC reader is connected" : $"no reader's name contains '{readerFilter}'";
            throw new CardReadException(CardReadFailure.NoReader, CardReadMessages.NoReader, $"No card reader within {seconds} s: {why}.");
        }

        throw new CardReadException(CardReadFailure.NoCard, CardReadMessages.NoCard, $"No card on the reader within {seconds} s.");
    }

    /// <summary>The first matching reader holding a card right now, or null.</summary>
    public static string? FindReaderWithCard(string? readerFilter) => Probe(readerFilter).ReaderWithCard;

    public static bool Matches(string readerName, string? filter) =>
        string.IsNullOrWhiteSpace(filter) || readerName.Contains(filter, StringComparison.OrdinalIgnoreCase);

    private static (string? ReaderWithCard, bool SawReader, bool ServiceMissing) Probe(string? readerFilter)
    {
        PcscContext context;
        try
        {
            context = PcscContext.Establish();
        }
        catch (PcscException)
        {
            return (null, false, true);
        }

        using (context)
        {
            IReadOnlyList<string> readers;
            try
            {
                readers = context.ListReaders();
            }
            catch (PcscException ex) when (ex.Kind is PcscErrorKind.NoReader)
            {
                return (null, false, false);
            }
            catch (PcscException)
            {
                return (null, false, true);
            }

            var matching = readers.Where(r => Matches(r, readerFilter)).Order(StringComparer.Ordinal).ToList();
            foreach (var reader in matching)
            {
                try
                {
                    using var card = context.Connect(reader, PcscShareMode.Shared);
                    return (reader, true, false);
                }
                catch (PcscException)
                {
                    // No card (or another program holds it): try the next reader.
                }
            }

            return (null, matching.Count > 0, false);
        }
    }
}
