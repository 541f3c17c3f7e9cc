namespace TiepCongDan.Pcsc;

/// <summary>A reader as <see cref="PcscReaderMonitor"/> last saw it; <paramref name="Atr"/> is set when a card is present.</summary>
public sealed record PcscReaderStatus(string Name, bool CardPresent, byte[]? Atr);
