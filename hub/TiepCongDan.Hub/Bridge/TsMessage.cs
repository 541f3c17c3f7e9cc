namespace TiepCongDan.Hub.Bridge;

/// <summary>
/// Up to seven TS packets sent as one SRT message; shared read-only by every output of a session.
/// <see cref="StartsWithMarker"/> marks a segment start, where a receiver joining late can begin.
/// </summary>
public sealed record TsMessage(byte[] Data, bool StartsWithMarker, long ArrivedTimestamp);
