namespace TiepCongDan.Pcsc;

/// <summary>One change seen by <see cref="PcscReaderMonitor"/>; <paramref name="Atr"/> is set for CardInserted.
/// ReaderName is empty for ServiceLost and ServiceRestored.</summary>
public sealed record PcscReaderEvent(PcscReaderEventKind Kind, string ReaderName, byte[]? Atr);
