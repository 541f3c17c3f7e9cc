namespace TiepCongDan.Contracts.Reception;

/// <summary>
/// The hub's answer to a batch (200): how many were new, how many it already had (resends), and the
/// highest seq it now holds per session. The kiosk deletes from its journal's outbox every event at
/// or below that seq. A batch with a malformed event is refused whole (400, <c>{"error": "..."}</c>).
/// </summary>
public sealed record ReceptionEventReceipt(int Accepted, int Duplicates, IReadOnlyDictionary<string, int> HighestSeq);
