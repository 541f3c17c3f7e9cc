using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Pcsc;

namespace TiepCongDan.Edge.Card.Service;

/// <summary>Waits, on reader events rather than polling, for a card on a reader whose name contains the filter.</summary>
public static class PcscCardWait
{
    /// <returns>The reader's full PC/SC name.</returns>
    /// <exception cref="CardReadException">NoReader when no matching reader appeared in time (or pcscd is absent), NoCard when one did but no card.</exception>
    public static async Task<string> ForCardAsync(string? readerFilter, TimeSpan wait, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        using var monitor = new PcscReaderMonitor(timeProvider);
        using var timeout = new CancellationTokenSource(wait, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var sawReader = false;
        var serviceLost = false;
        try
        {
            while (true)
            {
                foreach (var reader in monitor.Readers)
                {
                    if (Matches(reader.Name, readerFilter))
                    {
                        sawReader = true;
                        if (reader.CardPresent)
                        {
                            return reader.Name;
                        }
                    }
                }

                var change = await monitor.Events.ReadAsync(linked.Token).ConfigureAwait(false);
                serviceLost = change.Kind == PcscReaderEventKind.ServiceLost || (serviceLost && change.Kind != PcscReaderEventKind.ServiceRestored);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            if (!sawReader)
            {
                var why = serviceLost ? "pcscd is not running" : readerFilter is null ? "no PC/SC reader is connected" : $"no reader's name contains '{readerFilter}'";
                throw new CardReadException(CardReadFailure.NoReader, CardReadMessages.NoReader, $"No card reader within {wait.TotalSeconds:0} s: {why}.");
            }

            throw new CardReadException(CardReadFailure.NoCard, CardReadMessages.NoCard, $"No card on the reader within {wait.TotalSeconds:0} s.");
        }
    }

    public static bool Matches(string readerName, string? filter) =>
        string.IsNullOrWhiteSpace(filter) || readerName.Contains(filter, StringComparison.OrdinalIgnoreCase);
}
