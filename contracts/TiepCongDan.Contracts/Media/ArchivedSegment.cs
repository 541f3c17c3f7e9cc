namespace TiepCongDan.Contracts.Media;

/// <summary>One segment the hub holds complete and verified.</summary>
public sealed record ArchivedSegment(int Sequence, string Sha256, long Bytes);
