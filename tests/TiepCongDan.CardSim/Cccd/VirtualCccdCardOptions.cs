using System.Security.Cryptography;
using TiepCongDan.CardSim.Pki;

namespace TiepCongDan.CardSim.Cccd;

/// <summary>
/// What a <see cref="VirtualCccdCard"/> holds and how it behaves. The defaults are a genuine card
/// that offers BAC, serves every data group a CCCD has (except DG3) and supports extended length.
/// Validated when the card is built.
/// </summary>
public sealed record VirtualCccdCardOptions
{
    public CccdPerson Person { get; init; } = CccdPerson.Tuyet;

    public TestCardPki Pki { get; init; } = TestCardPki.Shared;

    /// <summary>The card side of PACE; when set, EF.CardAccess holds its parameters and MSE:SET AT / GENERAL AUTHENTICATE go to it.</summary>
    public IPaceResponder? Pace { get; init; }

    /// <summary>False for a card that refuses BAC (EXTERNAL AUTHENTICATE answers 6D00): a PACE-only chip.</summary>
    public bool SupportsBac { get; init; } = true;

    /// <summary>Some CCCDs answer SELECT MF (3F00) with 6D00; readers must select EF.CardAccess directly.</summary>
    public bool SelectMasterFileAnswers6D00 { get; init; }

    /// <summary>
    /// Behave like an ACR122U-class reader path: extended-length APDUs, and READ BINARY with Le 00 or
    /// above 0xDF (the protected Le in DO'97' under secure messaging), answer 6700.
    /// </summary>
    public bool RejectExtendedLength { get; init; }

    /// <summary>An open card like vicc: protected files are served to plain reads without access control (the command log still tells).</summary>
    public bool AllowPlainReads { get; init; }

    public bool IncludeDg2 { get; init; } = true;

    /// <summary>
    /// DG3 (fingerprints) as real CCCDs hold it: listed in EF.COM and EF.SOD but readable only after
    /// EAC, which this card does not offer (6982 even under secure messaging). Off by default.
    /// </summary>
    public bool IncludeDg3 { get; init; }

    public bool IncludeDg14 { get; init; } = true;

    public bool IncludeDg15 { get; init; } = true;

    /// <summary>Write DG13's ID number and dates as PrintableString, as some cards do, instead of UTF8String.</summary>
    public bool Dg13DigitsAsPrintableString { get; init; }

    /// <summary>Size of the face JPEG inside DG2; large enough that readers must read it in many chunks.</summary>
    public int FaceImageBytes { get; init; } = 16 * 1024;

    /// <summary>
    /// The BAC key's MRZ information (document number, birth, expiry, each with its check digit) when it
    /// should differ from the person's: a replay of ICAO 9303-11 Appendix D, or a chip whose key does not
    /// match its printed MRZ. Null: the person's.
    /// </summary>
    public string? BacMrzInformation { get; init; }

    /// <summary>The chip's randomness (RND.IC, K.IC, the active authentication nonce); null for the system CSPRNG.</summary>
    public RandomNumberGenerator? Random { get; init; }

    /// <summary>When set, the DG13 byte at this offset is flipped after EF.SOD was signed: passive authentication must name DG13.</summary>
    public int? Dg13TamperOffset { get; init; }

    /// <summary>Sign EF.SOD with the document signer of the PKI's unrelated CSCA (a card from an issuer nobody trusts).</summary>
    public bool SignWithUnknownCsca { get; init; }

    /// <summary>A copy whose DG13 has the byte at <paramref name="offset"/> altered after signing.</summary>
    public VirtualCccdCardOptions TamperDg13AfterSigning(int offset) => this with { Dg13TamperOffset = offset };

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Person);
        ArgumentNullException.ThrowIfNull(Pki);
        Person.Validate();
        if (!SupportsBac && Pace is null)
        {
            throw new ArgumentException("A card without BAC needs a PACE responder, or nothing could ever read it.");
        }

        if (FaceImageBytes is < 512 or > 60_000)
        {
            throw new ArgumentException($"FaceImageBytes must be 512-60000, not {FaceImageBytes}.");
        }

        if (BacMrzInformation is { Length: < 24 })
        {
            throw new ArgumentException("BAC MRZ information is at least 24 characters.");
        }

        if (Dg13TamperOffset is < 0)
        {
            throw new ArgumentException("The DG13 tamper offset cannot be negative.");
        }
    }
}
