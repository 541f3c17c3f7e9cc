namespace TiepCongDan.Hub.Archive;

/// <summary>One segment in a manifest; <see cref="Chain"/> is the hash chain value after it (<see cref="HashChain"/>).</summary>
public sealed record ManifestSegment(int Seq, string Sha256, long Bytes, long StartPts, long DurationMs, string Chain);
