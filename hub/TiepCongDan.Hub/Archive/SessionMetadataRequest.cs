namespace TiepCongDan.Hub.Archive;

/// <summary>Body of PUT /api/sessions/{id}/metadata. caseKind: <see cref="CaseKinds"/>; citizenRef: see <see cref="CitizenReference"/>.</summary>
public sealed record SessionMetadataRequest(IReadOnlyList<Official>? Officials, string? CaseKind, string? CitizenRef);
