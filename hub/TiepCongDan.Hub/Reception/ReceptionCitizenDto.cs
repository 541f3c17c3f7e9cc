namespace TiepCongDan.Hub.Reception;

/// <summary>The citizen of a session. For a viewer the ID number is masked and the date of birth, sex and residence are left out.</summary>
public sealed record ReceptionCitizenDto(
    string IdNumber,
    string FullName,
    string? DateOfBirth,
    string? Sex,
    string? PlaceOfResidence,
    string Authenticity,
    string Source,
    bool Full);
