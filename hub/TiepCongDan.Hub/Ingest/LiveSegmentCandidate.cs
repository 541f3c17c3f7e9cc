namespace TiepCongDan.Hub.Ingest;

/// <summary>A segment the hub received whole and whose SHA-256 the kiosk's next marker vouched for.</summary>
internal sealed record LiveSegmentCandidate(string KioskId, string SessionId, int Sequence, MemoryStream Content, string Sha256, long StartPts, long DurationMs);
