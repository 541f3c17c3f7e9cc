namespace TiepCongDan.Hub.Registry;

/// <summary>One is_historical metric value a kiosk replayed from its outbox, kept for the history table.</summary>
public sealed record HistoricalSample(string KioskId, long TimestampMs, string Name, double Value);
