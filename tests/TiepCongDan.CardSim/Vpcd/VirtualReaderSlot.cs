namespace TiepCongDan.CardSim.Vpcd;

/// <summary>
/// One vpcd virtual reader of a <see cref="PcscdDaemon"/>: its PC/SC name and the TCP port a
/// <see cref="VpcdCardClient"/> connects to in order to "insert" a card. Dispose returns a leased
/// slot to the daemon's pool (it does not remove the reader).
/// </summary>
public sealed class VirtualReaderSlot : IDisposable
{
    private readonly Action<VirtualReaderSlot>? _release;
    private int _released;

    internal VirtualReaderSlot(string readerName, int port, string entryFile, Action<VirtualReaderSlot>? release)
    {
        ReaderName = readerName;
        Port = port;
        EntryFile = entryFile;
        _release = release;
    }

    public string ReaderName { get; }

    public int Port { get; }

    /// <summary>The reader.conf.d file that declares this reader (and its twin on the next port).</summary>
    internal string EntryFile { get; }

    public override string ToString() => $"{ReaderName} (vpcd port {Port})";

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _release?.Invoke(this);
        }
    }
}
