namespace TiepCongDan.Edge.Store;

/// <summary>A local journal of notable node events (connects, commands, device changes) for a technician on site.</summary>
public interface IEventJournal
{
    void Record(long timestampMs, string kind, string detail);
}
