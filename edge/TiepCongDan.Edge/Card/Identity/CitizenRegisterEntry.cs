using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Card.Identity;

/// <summary>
/// What the reception register stores and the kiosk sends for a citizen: no parents, no origin,
/// no face, no raw card data. <see cref="ToString"/> masks the ID like every log line.
/// </summary>
public sealed record CitizenRegisterEntry(
    string IdNumber,
    string FullName,
    DateOnly DateOfBirth,
    string Sex,
    string PlaceOfResidence,
    CardAuthenticityStatus Authenticity)
{
    public override string ToString() => $"CitizenRegisterEntry {IdMask.Mask(IdNumber)} ({Authenticity.ToWire()})";
}
