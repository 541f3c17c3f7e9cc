namespace TiepCongDan.Edge.Reception.Ports;

/// <summary>What happened at the card reader or the QR scanner.</summary>
public enum CardSignalKind
{
    /// <summary>A card was put on the reader (PC/SC, or the simulation console).</summary>
    CardInserted,

    /// <summary>The card was taken off the reader.</summary>
    CardRemoved,

    /// <summary>A QR was scanned (<see cref="CardSignal.Text"/>: what the scanner read).</summary>
    QrScanned,

    /// <summary>An MRZ was read or entered (<see cref="CardSignal.Text"/>: the 2 or 3 MRZ lines).</summary>
    MrzScanned,
}
