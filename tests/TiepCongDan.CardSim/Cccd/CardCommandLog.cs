namespace TiepCongDan.CardSim.Cccd;

/// <summary>
/// What the virtual card was asked and what it answered, so a test can prove the reader really ran
/// access control before reading. Thread-safe: the card writes from the vpcd thread while a test reads.
/// </summary>
public sealed class CardCommandLog
{
    private readonly List<CardCommandLogEntry> _entries = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    public IReadOnlyList<CardCommandLogEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>True when a file needing access control was read (9000) before BAC or PACE completed: an open card served it plainly.</summary>
    public bool AnyProtectedFileReadWithoutAccessControl =>
        Entries.Any(e => e.IsSuccessfulRead && e.FileRequiresAccessControl && !e.AccessControlCompleted);

    /// <summary>Names of the files read successfully, each once, in the order first read ("EF.COM", "DG1", "DG13", ...).</summary>
    public IReadOnlyList<string> FilesRead =>
        [.. Entries.Where(e => e.IsSuccessfulRead).Select(e => e.SelectedFile!).Distinct()];

    /// <summary>Commands that arrived under secure messaging.</summary>
    public int ProtectedCount => Entries.Count(e => e.SecureMessaging);

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
        }
    }

    internal void Add(CardCommandLogEntry entry)
    {
        lock (_lock)
        {
            _entries.Add(entry);
        }
    }
}
