namespace TiepCongDan.Edge.Reception;

/// <summary>
/// What one reception state says: <see cref="Shown"/>, the one short instruction the kiosk page
/// shows large, and <see cref="Spoken"/>, the sentence the voice says on entering it (polite,
/// complete, for a listener who cannot read). Kept side by side so they never drift apart.
/// </summary>
public sealed record ReceptionStateText(string Shown, string Spoken);
