using System.Net;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Hub.Broker;

namespace TiepCongDan.Hub.Ingest;

/// <summary>
/// Decides from the stream id alone (before SRT checks the passphrase) whether a caller may publish:
/// mode publish, resource kiosk/{u}, u a kiosk the broker would let in (valid id, not revoked), s a
/// valid session id that no other kiosk owns (live or archived), room for one more session. The
/// accepted caller must then prove it is that kiosk with the kiosk's own derived passphrase, which
/// libsrt checks. Runs inside libsrt's handshake: no blocking beyond one indexed SQLite lookup.
/// </summary>
internal sealed class StreamIdGate
{
    private readonly FleetSecret _secret;
    private readonly BrokerAuthorizer _authorizer;
    private readonly LiveSessionBus _bus;
    private readonly Func<string, string?> _archivedOwner;
    private readonly int _maxSessions;

    /// <param name="archivedOwner">The kiosk that owns a session id in the archive, or null when the archive does not know it.</param>
    public StreamIdGate(FleetSecret secret, BrokerAuthorizer authorizer, LiveSessionBus bus, Func<string, string?> archivedOwner, int maxSessions)
    {
        _secret = secret;
        _authorizer = authorizer;
        _bus = bus;
        _archivedOwner = archivedOwner;
        _maxSessions = maxSessions;
    }

    public IngestAdmission Check(string streamId, IPEndPoint peer)
    {
        if (!SrtStreamId.TryParse(streamId, out var id) || id.Mode != SrtStreamId.PublishMode || !MediaSessionId.IsValid(id.Session))
        {
            return IngestAdmission.Refuse(IngestRefusal.BadStreamId);
        }

        if (!KioskId.IsValid(id.User))
        {
            return IngestAdmission.Refuse(IngestRefusal.UnknownKiosk, sessionId: id.Session);
        }

        // The broker's own rule decides revocation, fed the kiosk's genuine MQTT password so only that rule can refuse.
        var broker = _authorizer.CheckConnect(id.User, id.User, DeviceCredentials.DerivePassword(_secret.Bytes, id.User), clientCertificate: null);
        if (!broker.Accepted || broker.IsHub)
        {
            return IngestAdmission.Refuse(broker.Reason == "revoked" ? IngestRefusal.Revoked : IngestRefusal.UnknownKiosk, id.User, id.Session);
        }

        if (id.Resource != "kiosk/" + id.User)
        {
            return IngestAdmission.Refuse(IngestRefusal.OtherKiosksStream, id.User, id.Session);
        }

        if (_archivedOwner(id.Session) is { } owner && owner != id.User)
        {
            return IngestAdmission.Refuse(IngestRefusal.OtherKiosksStream, id.User, id.Session);
        }

        if (_bus.Reserve(peer, id.User, id.Session, _maxSessions) is { } refusal)
        {
            return IngestAdmission.Refuse(refusal, id.User, id.Session);
        }

        return IngestAdmission.Accept(id.User, id.Session, MediaCredentials.DeriveSrtPassphrase(_secret.Bytes, id.User));
    }
}
