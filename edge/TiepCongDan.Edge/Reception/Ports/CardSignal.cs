namespace TiepCongDan.Edge.Reception.Ports;

/// <summary>
/// One signal from the card reader or QR scanner into the session flow. <see cref="Text"/> carries a
/// scanned QR or MRZ, which holds the ID number: never log it, never show it.
/// </summary>
public sealed record CardSignal(CardSignalKind Kind, DateTimeOffset At, string? Text = null)
{
    public override string ToString() => $"CardSignal {Kind} at {At:O}";
}
