namespace TiepCongDan.Hub.Options;

/// <summary>Section "Hub:Media": the SRT ingest, the reception points sessions are bridged to, the archive.</summary>
public sealed class HubMediaOptions
{
    public IngestOptions Ingest { get; set; } = new();

    /// <summary>Where sessions go: the provincial centre, the central office in Hanoi, invited agencies.</summary>
    public List<ReceptionPointOptions> Points { get; set; } = [];

    public ArchiveOptions Archive { get; set; } = new();
}
