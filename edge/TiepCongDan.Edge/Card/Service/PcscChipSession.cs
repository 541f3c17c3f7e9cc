using Microsoft.Extensions.Logging;
using TiepCongDan.Edge.Card.Authenticity;
using TiepCongDan.Edge.Card.Identity;
using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Edge.Card.Transport;
using TiepCongDan.Pcsc;

namespace TiepCongDan.Edge.Card.Service;

/// <summary>
/// One read on a named PC/SC reader: connect (exclusively, so nothing interleaves APDUs), run
/// <see cref="CccdChipReader"/> with PACE, disconnect. Connection failures become the same typed
/// <see cref="CardReadException"/>s as the read's own. Used by the service and by `tcd-edge card read`.
/// </summary>
public static class PcscChipSession
{
    public static CitizenIdentity Read(
        string readerName,
        CardAccessKey key,
        ChipReadSettings settings,
        CscaTrustStore? trustStore,
        TimeSpan apduTimeout,
        TimeProvider timeProvider,
        ILogger logger,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readerName);
        PcscContext context;
        PcscCard card;
        try
        {
            context = PcscContext.Establish();
        }
        catch (PcscException ex)
        {
            throw new CardReadException(CardReadFailure.NoReader, CardReadMessages.NoReader, "pcscd cannot be reached: " + ex.Message, ex);
        }

        using (context)
        {
            try
            {
                card = context.Connect(readerName);
            }
            catch (PcscException ex)
            {
                throw ConnectFailure(ex);
            }

            try
            {
                try
                {
                    var transport = new PcscApduTransport(card, apduTimeout);
                    var reader = new CccdChipReader(transport, settings, trustStore, timeProvider, logger, new PaceAccess());
                    return reader.Read(key, cancellationToken);
                }
                finally
                {
                    // Reset: the chip forgets this session's keys, and the next read starts from a clean card.
                    card.Disconnect(PcscDisposition.ResetCard);
                }
            }
            catch (CardReadException ex) when (ex.Failure is CardReadFailure.CardError or CardReadFailure.Timeout
                && ex.InnerException is PcscException
                && CardLeft(context, readerName))
            {
                // Readers report a pulled card differently (REMOVED_CARD, an empty answer, a timeout): what counts is that it is gone.
                throw new CardRemovedException("The card left the reader during the read: " + ex.Message, ex);
            }
        }
    }

    /// <summary>Whether the reader is now empty; pcscd notices a removal within a few polls, so look for up to three seconds.</summary>
    private static bool CardLeft(PcscContext context, string readerName)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            try
            {
                using var probe = context.Connect(readerName, PcscShareMode.Shared);
                return false;
            }
            catch (PcscException ex) when (ex.Kind is PcscErrorKind.NoCard or PcscErrorKind.CardRemoved)
            {
                return true;
            }
            catch (PcscException)
            {
                Thread.Sleep(100);
            }
        }

        return false;
    }

    private static CardReadException ConnectFailure(PcscException ex) => ex.Kind switch
    {
        PcscErrorKind.NoCard or PcscErrorKind.CardRemoved =>
            new CardReadException(CardReadFailure.NoCard, CardReadMessages.NoCard, "The reader has no card: " + ex.Message, ex),
        PcscErrorKind.NoReader or PcscErrorKind.NoService =>
            new CardReadException(CardReadFailure.NoReader, CardReadMessages.NoReader, "The reader is gone: " + ex.Message, ex),
        PcscErrorKind.Timeout =>
            new CardReadException(CardReadFailure.Timeout, CardReadMessages.Timeout, ex.Message, ex),
        _ => new CardReadException(CardReadFailure.CardError, CardReadMessages.CardError, "Connecting to the card failed: " + ex.Message, ex),
    };
}
