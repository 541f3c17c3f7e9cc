using TiepCongDan.Edge.Card.Icao;

namespace TiepCongDan.Edge.Card.Reading;

/// <summary>
/// PACE as the chip reader needs it: given EF.CardAccess and the CAN, run PACE on the plain
/// transport and return the session keys; null when EF.CardAccess offers no PACE variant we
/// support (then BAC is tried). A refused CAN is a <see cref="CardAccessException"/> with
/// <see cref="CardAccessFailure.WrongAccessKey"/>.
/// </summary>
public interface IPaceAccess
{
    SecureMessagingKeys? TryAuthenticate(IApduTransport plain, ReadOnlyMemory<byte> cardAccess, string can);
}
