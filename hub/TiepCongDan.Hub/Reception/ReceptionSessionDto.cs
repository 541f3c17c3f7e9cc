namespace TiepCongDan.Hub.Reception;

/// <summary>A line of GET /api/reception/sessions: the register as an official reads it (times ISO 8601 UTC, names in Vietnamese).</summary>
public record ReceptionSessionDto
{
    public string SessionId { get; init; } = string.Empty;

    public string KioskId { get; init; } = string.Empty;

    public string Commune { get; init; } = string.Empty;

    public string Province { get; init; } = string.Empty;

    public string? Staff { get; init; }

    public string? CitizenName { get; init; }

    public string? CitizenIdMasked { get; init; }

    public string? CaseKind { get; init; }

    public string CaseKindName { get; init; } = string.Empty;

    public string State { get; init; } = string.Empty;

    public string StateName { get; init; } = string.Empty;

    public string? Outcome { get; init; }

    public string? Rating { get; init; }

    public string RatingName { get; init; } = string.Empty;

    public string StartedAt { get; init; } = string.Empty;

    public string? LiveAt { get; init; }

    public string? EndedAt { get; init; }

    public long? CardToLiveMs { get; init; }

    public long? ButtonToLiveMs { get; init; }

    /// <summary>The archive session's id once its media exists (GET /api/sessions/{id}).</summary>
    public string? ArchiveReference { get; init; }

    public bool ArchiveSealed { get; init; }

    public int EventCount { get; init; }

    /// <summary>True once retention removed the citizen.</summary>
    public bool CitizenWiped { get; init; }
}
