namespace TiepCongDan.Hub.Reception;

/// <summary>One held event of a session (seq order); <c>at</c> is the kiosk's clock, ISO 8601 UTC.</summary>
public sealed record ReceptionEventDto(int Seq, string At, string From, string To, string Trigger, string? Outcome, string? Detail);
