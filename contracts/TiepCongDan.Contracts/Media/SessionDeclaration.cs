namespace TiepCongDan.Contracts.Media;

/// <summary>Body of <c>PUT {Session}</c>: what the kiosk knows of one session. Times are Unix ms.</summary>
public sealed record SessionDeclaration(string KioskId, long StartedAtMs, long? EndedAtMs, int? SegmentCount);
