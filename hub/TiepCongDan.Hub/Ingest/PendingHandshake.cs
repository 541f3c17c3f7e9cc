using System.Net;

namespace TiepCongDan.Hub.Ingest;

/// <summary>A caller the stream id check let through whose connection has not surfaced yet (libsrt still checks its passphrase).</summary>
internal sealed record PendingHandshake(IPEndPoint Peer, string KioskId, string SessionId, long AtTimestamp);
