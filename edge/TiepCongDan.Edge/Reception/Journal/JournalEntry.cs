using TiepCongDan.Contracts.Reception;

namespace TiepCongDan.Edge.Reception.Journal;

/// <summary>A pending event with its row id, as the uploader takes it from the journal.</summary>
internal sealed record JournalEntry(long Id, ReceptionEvent Event);
