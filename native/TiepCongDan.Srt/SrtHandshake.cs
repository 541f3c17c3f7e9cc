using System.Net;

namespace TiepCongDan.Srt;

/// <summary>What a listener knows about a caller before deciding: its stream id (empty when none) and address.</summary>
public sealed record SrtHandshake(string StreamId, IPEndPoint Peer);
