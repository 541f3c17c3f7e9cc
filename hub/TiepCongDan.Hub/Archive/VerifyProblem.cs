namespace TiepCongDan.Hub.Archive;

/// <summary>One finding of a verification: its kind, the segment or file it concerns, and an English sentence.</summary>
public sealed record VerifyProblem(VerifyProblemKind Kind, int? Sequence, string? File, string Message);
