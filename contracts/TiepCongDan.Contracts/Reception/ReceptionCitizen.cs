namespace TiepCongDan.Contracts.Reception;

/// <summary>
/// The citizen as the reception register records them (no parents, no origin, no face). Sent once
/// per session from the kiosk to the hub over TLS; encrypted at rest on both sides; the kiosk shows
/// and logs only the masked ID number. <see cref="ToString"/> masks it too, so a stray log line is safe.
/// </summary>
/// <param name="IdNumber">12-digit CCCD number (or 9-digit CMND).</param>
/// <param name="DateOfBirth">ISO date, yyyy-MM-dd.</param>
/// <param name="Sex">"Nam" or "Nữ" as on the card.</param>
/// <param name="Authenticity">valid | invalid | unknown-issuer | not-checked | simulated.</param>
/// <param name="Source">chip (read and checked), qr (the card's front QR only), simulated (the simulation console's made-up citizen).</param>
public sealed record ReceptionCitizen(
    string IdNumber,
    string FullName,
    string DateOfBirth,
    string Sex,
    string PlaceOfResidence,
    string Authenticity,
    string Source)
{
    /// <summary>
    /// The one masking rule for an ID number, wherever it is shown or logged (kiosk logs, the hub's
    /// viewers): first 3 and last 3 digits kept, 001******789 — enough to tell two cards apart, not
    /// enough to identify a citizen. Shorter than 8 characters: masked entirely.
    /// </summary>
    public static string Mask(string? idNumber) =>
        string.IsNullOrEmpty(idNumber) ? string.Empty
        : idNumber.Length < 8 ? new string('*', idNumber.Length)
        : idNumber[..3] + new string('*', idNumber.Length - 6) + idNumber[^3..];

    public string MaskedIdNumber => Mask(IdNumber);

    public override string ToString() => $"ReceptionCitizen {MaskedIdNumber} ({Source}, {Authenticity})";
}
