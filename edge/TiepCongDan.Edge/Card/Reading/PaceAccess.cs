using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Edge.Card.Icao.Pace;
using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Card.Reading;

/// <summary>PACE-CAN with the first supported PACEInfo of EF.CardAccess (ECDH generic mapping, 3DES or AES).</summary>
public sealed class PaceAccess : IPaceAccess
{
    public SecureMessagingKeys? TryAuthenticate(IApduTransport plain, ReadOnlyMemory<byte> cardAccess, string can)
    {
        IReadOnlyList<PaceInfo> infos;
        try
        {
            infos = CardAccessFile.Parse(cardAccess);
        }
        catch (CardDataException ex)
        {
            // A damaged EF.CardAccess must not make a readable card unreadable: BAC remains.
            throw new CardAccessException(CardAccessFailure.UnexpectedResponse, "EF.CardAccess is malformed: " + ex.Message, ex);
        }

        var info = infos.FirstOrDefault(i => i.IsSupported);
        return info is null ? null : new PaceAuthenticator(plain).Authenticate(info, can);
    }
}
