namespace TiepCongDan.Edge.Card.Parsing;

/// <summary>The check digits of a TD1 MRZ (ICAO 9303-5).</summary>
public enum MrzCheck
{
    DocumentNumber,
    DateOfBirth,
    DateOfExpiry,
    Composite,
}
