using System.Globalization;
using System.Security.Cryptography;
using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Card.Identity;

/// <summary>
/// A citizen as the chip of their ID card (CCCD) states it, with how far the chip proved it.
/// Texts are DG13's, in NFC with their diacritics. Lives in memory only: <see cref="ForRegister"/>
/// is what may be stored or sent, <see cref="ToString"/> shows the ID masked, and
/// <see cref="Dispose"/> wipes the face image (the only raw data group kept, and only when configured).
/// </summary>
public sealed class CitizenIdentity : IDisposable
{
    private byte[]? _faceImage;

    public CitizenIdentity(byte[]? faceImage = null)
    {
        _faceImage = faceImage;
    }

    /// <summary>12 digits. Never log it: use <see cref="MaskedIdNumber"/>.</summary>
    public required string IdNumber { get; init; }

    public required string FullName { get; init; }

    public required DateOnly DateOfBirth { get; init; }

    /// <summary>As printed: "Nam" or "Nữ".</summary>
    public required string Sex { get; init; }

    public required string Nationality { get; init; }

    public required string Ethnicity { get; init; }

    public required string Religion { get; init; }

    public required string PlaceOfOrigin { get; init; }

    public required string PlaceOfResidence { get; init; }

    public required DateOnly? DateOfIssue { get; init; }

    /// <summary>Null when the card does not expire (or its expiry is not a date; see <see cref="DateOfExpiryText"/>).</summary>
    public required DateOnly? DateOfExpiry { get; init; }

    /// <summary>DG13's expiry field as stored (a date, or a phrase meaning no expiry).</summary>
    public required string DateOfExpiryText { get; init; }

    public string? FatherName { get; init; }

    public string? MotherName { get; init; }

    public string? SpouseName { get; init; }

    public required CardAuthenticity Authenticity { get; init; }

    public required AccessProtocol AccessProtocol { get; init; }

    public required TimeSpan ReadDuration { get; init; }

    /// <summary>The face image of DG2 (JPEG or JPEG 2000), only when Edge:Card:ReadFaceImage is on; empty otherwise or after <see cref="Dispose"/>.</summary>
    public ReadOnlyMemory<byte> FaceImage => _faceImage ?? ReadOnlyMemory<byte>.Empty;

    public string MaskedIdNumber => IdMask.Mask(IdNumber);

    /// <summary>The minimum the reception register keeps: who came, and whether the card proved it.</summary>
    public CitizenRegisterEntry ForRegister() => new(
        IdNumber,
        FullName,
        DateOfBirth,
        Sex,
        PlaceOfResidence,
        Authenticity.Status);

    public void Dispose()
    {
        if (_faceImage is { } image)
        {
            CryptographicOperations.ZeroMemory(image);
            _faceImage = null;
        }
    }

    /// <summary>Masked ID only, so a stray log of the object reveals no one.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"CitizenIdentity {MaskedIdNumber} ({AccessProtocol.ToWire()}, {Authenticity.Status.ToWire()})");
}
