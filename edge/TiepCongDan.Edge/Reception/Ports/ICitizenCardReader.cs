using TiepCongDan.Edge.Card.Identity;
using TiepCongDan.Edge.Card.Reading;

namespace TiepCongDan.Edge.Reception.Ports;

/// <summary>
/// Reads the citizen from the card on the reader with the key from its QR or MRZ: the PC/SC chip
/// reader on a kiosk (<see cref="Card.Service.CardReaderService"/>), the simulation console's
/// made-up card in a demo. Throws <see cref="CardReadException"/> with a staff message on failure.
/// </summary>
public interface ICitizenCardReader
{
    Task<CitizenIdentity> ReadAsync(CardAccessKey key, CancellationToken cancellationToken);
}
