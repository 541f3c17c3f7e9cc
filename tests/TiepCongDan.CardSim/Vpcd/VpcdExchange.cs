namespace TiepCongDan.CardSim.Vpcd;

/// <summary>One command APDU a <see cref="VpcdCardClient"/> answered: the bytes both ways and how long the card took,
/// so a benchmark can tell the card's own time from the PC/SC path's.</summary>
public sealed record VpcdExchange(byte[] Command, byte[] Response, TimeSpan ProcessingTime);
