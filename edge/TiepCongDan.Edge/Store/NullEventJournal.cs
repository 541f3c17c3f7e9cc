namespace TiepCongDan.Edge.Store;

/// <summary>Discards events: the fleet simulator's thousands of kiosks keep no journal.</summary>
public sealed class NullEventJournal : IEventJournal
{
    public static NullEventJournal Instance { get; } = new();

    public void Record(long timestampMs, string kind, string detail)
    {
    }
}
