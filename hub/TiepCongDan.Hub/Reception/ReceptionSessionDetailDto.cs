namespace TiepCongDan.Hub.Reception;

/// <summary>GET /api/reception/sessions/{id}: the line's fields, the citizen (full for operators and admins) and every event held.</summary>
public sealed record ReceptionSessionDetailDto : ReceptionSessionDto
{
    public ReceptionSessionDetailDto(ReceptionSessionDto summary)
        : base(summary)
    {
    }

    public ReceptionCitizenDto? Citizen { get; init; }

    public IReadOnlyList<ReceptionEventDto> Events { get; init; } = [];
}
