using TiepCongDan.Edge.Card.Identity;
using TiepCongDan.Edge.Card.Parsing;
using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Edge.Reception.Ports;

namespace TiepCongDan.Edge.Simulation;

/// <summary>
/// The card reader of a kiosk without PC/SC when the simulation console is on: reads the made-up
/// card in <see cref="SimulatedCardSlot"/> with the rules of a real CCCD chip. The CAN opens it
/// (PACE), else one of the key's BAC candidates must be the card's MRZ key; a key that opens it but
/// names another ID is refused as a real kiosk refuses it. Failures are the same
/// <see cref="CardReadException"/> (failure kind and staff sentence) a real chip gives. Thread-safe.
/// </summary>
public sealed class SimulatedCitizenCard(SimulatedCardSlot slot) : ICitizenCardReader
{
    private readonly SimulatedCardSlot _slot = slot ?? throw new ArgumentNullException(nameof(slot));

    public Task<CitizenIdentity> ReadAsync(CardAccessKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        cancellationToken.ThrowIfCancellationRequested();
        var card = _slot.Current
            ?? throw new CardReadException(CardReadFailure.NoCard, CardReadMessages.NoCard, "No simulated card is on the reader (POST /sim/card or `tcd-edge sim card`).");
        var protocol = Open(key, card);
        if (key.IdHint.Length == 12 && key.IdHint != card.IdNumber)
        {
            throw new CardReadException(CardReadFailure.WrongKey, CardReadMessages.KeyFromAnotherCard,
                $"The {key.Source} names ID {IdMask.Mask(key.IdHint)} but the simulated card holds {IdMask.Mask(card.IdNumber)}: the key belongs to another card.");
        }

        return Task.FromResult(new CitizenIdentity
        {
            IdNumber = card.IdNumber,
            FullName = card.FullName,
            DateOfBirth = card.DateOfBirth,
            Sex = card.Sex,
            Nationality = "Việt Nam",
            Ethnicity = "Kinh",
            Religion = "Không",
            PlaceOfOrigin = card.PlaceOfOrigin,
            PlaceOfResidence = card.PlaceOfResidence,
            DateOfIssue = card.DateOfIssue,
            DateOfExpiry = card.DateOfExpiry,
            DateOfExpiryText = card.DateOfExpiryText,
            Authenticity = SimulatedCardAuthenticity.Value,
            AccessProtocol = protocol,
            ReadDuration = TimeSpan.Zero,
        });
    }

    /// <summary>PACE with the CAN first, as the real reader tries it; then every BAC candidate.</summary>
    private static AccessProtocol Open(CardAccessKey key, SimulatedCard card)
    {
        if (key.Can is { } can && can == card.Can)
        {
            return AccessProtocol.Pace;
        }

        var seed = card.BacKeys.KeySeed;
        if (key.BacCandidates.Any(c => c.Keys.KeySeed.Span.SequenceEqual(seed.Span)))
        {
            return AccessProtocol.Bac;
        }

        throw new CardReadException(CardReadFailure.WrongKey, CardReadMessages.WrongKey(key.Source), CardReadMessages.WrongKeyReason(key.Source));
    }
}
