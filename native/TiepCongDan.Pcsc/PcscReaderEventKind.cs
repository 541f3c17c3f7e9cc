namespace TiepCongDan.Pcsc;

/// <summary>What changed on the PC/SC side.</summary>
public enum PcscReaderEventKind
{
    ReaderAdded,
    ReaderRemoved,
    CardInserted,
    CardRemoved,

    /// <summary>pcscd stopped or cannot be reached; the monitor keeps trying to reconnect.</summary>
    ServiceLost,

    /// <summary>pcscd is reachable again; ReaderAdded/CardInserted events for what it has follow.</summary>
    ServiceRestored,
}
