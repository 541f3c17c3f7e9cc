namespace TiepCongDan.Edge.Options;

/// <summary>
/// The kiosk's reception journal and its upload to the hub (section "Edge:ReceptionJournal").
/// The hub address and credentials are the media upload's (Edge:Media:Upload:HubUrl, Edge:Mqtt password).
/// </summary>
public sealed class EdgeReceptionJournalOptions
{
    public const string SectionName = "Edge:ReceptionJournal";

    /// <summary>How long an event the hub acknowledged stays on the kiosk (for a technician's look) before it is deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>False keeps every event on the kiosk (a bench kiosk without a hub); the journal itself always runs.</summary>
    public bool UploadEnabled { get; set; } = true;
}
