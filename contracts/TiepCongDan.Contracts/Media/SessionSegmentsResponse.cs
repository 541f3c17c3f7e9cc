namespace TiepCongDan.Contracts.Media;

/// <summary>Body of <c>GET {Segments}</c>.</summary>
public sealed record SessionSegmentsResponse(string SessionId, string KioskId, IReadOnlyList<ArchivedSegment> Segments);
