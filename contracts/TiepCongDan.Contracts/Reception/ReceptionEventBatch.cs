namespace TiepCongDan.Contracts.Reception;

/// <summary>Body of POST <see cref="ReceptionProtocol.EventsPath"/>: up to <see cref="ReceptionProtocol.MaxBatch"/> events, oldest first.</summary>
public sealed record ReceptionEventBatch(IReadOnlyList<ReceptionEvent> Events);
