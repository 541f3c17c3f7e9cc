namespace TiepCongDan.Hub.Reports;

/// <summary>
/// One reception register entry as the national citizen-reception database takes it. The ID number
/// is whole only for an admin's export; others get it masked (001******345).
/// </summary>
public sealed record RegisterExportEntry
{
    public required string SessionId { get; init; }

    /// <summary>Local date and time the session opened (ISO 8601 with +07:00).</summary>
    public required string Date { get; init; }

    public required string Province { get; init; }

    public required string Commune { get; init; }

    public required string KioskId { get; init; }

    public string? CitizenName { get; init; }

    public string? IdNumber { get; init; }

    public bool IdNumberMasked { get; init; }

    public string? Address { get; init; }

    /// <summary>khieu-nai, to-cao, kien-nghi, phan-anh.</summary>
    public string? CaseKind { get; init; }

    public string? CaseKindName { get; init; }

    /// <summary>The officials' summary of the matter: not collected by the kiosk; empty until the officials' system writes it.</summary>
    public string? Summary { get; init; }

    /// <summary>Who received the citizen: the officials named in the archive, else the commune staff on duty.</summary>
    public string? ReceivingAgency { get; init; }

    public string? Outcome { get; init; }

    /// <summary>The archive session and its manifest's chain head (tamper-evident reference), or null without a recording.</summary>
    public string? RecordingReference { get; init; }
}
