using TiepCongDan.Contracts.Reception;

namespace TiepCongDan.Edge.Card.Parsing;

/// <summary>Masks an ID number for logs, by the same rule the hub shows to viewers (<see cref="ReceptionCitizen.Mask"/>).</summary>
public static class IdMask
{
    /// <summary><c>001234567864</c> → <c>001******864</c>; inputs shorter than 8 characters are masked entirely.</summary>
    public static string Mask(string? id) => ReceptionCitizen.Mask(id);
}
