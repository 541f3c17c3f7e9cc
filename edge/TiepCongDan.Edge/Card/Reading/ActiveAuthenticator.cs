using System.Security.Cryptography;
using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Edge.Card.Identity;
using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Card.Reading;

/// <summary>
/// Active authentication (ICAO 9303-11 §6.1): INTERNAL AUTHENTICATE with 8 fresh random bytes under
/// secure messaging, verified with DG15's public key: RSA with ISO 9796-2 scheme 1, or ECDSA (plain
/// r||s). DG14 would name the ECDSA hash; rather than parse it we accept SHA-1/256/384/512,
/// which proves the same thing: only the holder of the private key can sign our fresh challenge.
/// </summary>
internal static class ActiveAuthenticator
{
    private const int ChallengeLength = 8;

    private static readonly HashAlgorithmName[] EcdsaHashes =
        [HashAlgorithmName.SHA256, HashAlgorithmName.SHA1, HashAlgorithmName.SHA384, HashAlgorithmName.SHA512];

    public static ActiveAuthenticationResult Authenticate(IApduTransport secured, ReadOnlySpan<byte> dg15, RandomNumberGenerator random)
    {
        byte[] publicKeyInfo;
        try
        {
            var node = BerTlv.ParseSingle(dg15.ToArray());
            if (node.Tag != 0x6F)
            {
                return new(ActiveAuthenticationStatus.Invalid, "DG15 does not start with tag 6F.");
            }

            publicKeyInfo = node.Value.ToArray();
        }
        catch (CardDataException ex)
        {
            return new(ActiveAuthenticationStatus.Invalid, "DG15 is malformed: " + ex.Message);
        }

        using var rsa = TryImportRsa(publicKeyInfo);
        using var ecdsa = rsa is null ? TryImportEcdsa(publicKeyInfo) : null;
        if (rsa is null && ecdsa is null)
        {
            return new(ActiveAuthenticationStatus.NotSupported, "DG15 holds a public key that is neither RSA nor EC.");
        }

        var challenge = new byte[ChallengeLength];
        random.GetBytes(challenge);
        byte[] command = [0x00, 0x88, 0x00, 0x00, ChallengeLength, .. challenge, 0x00];
        var response = secured.Transmit(command);
        var sw = StatusWords.Of(response);
        if (sw != StatusWords.Success)
        {
            return new(ActiveAuthenticationStatus.Invalid, $"The chip has DG15 but refused INTERNAL AUTHENTICATE (SW {sw:X4}).");
        }

        var signature = response.AsSpan(0, response.Length - 2);
        if (rsa is not null)
        {
            return Iso9796Scheme1.Verify(rsa.ExportParameters(false), signature, challenge)
                ? new(ActiveAuthenticationStatus.Valid, $"The chip signed a fresh challenge with its RSA-{rsa.KeySize} key (ISO 9796-2 scheme 1).")
                : new(ActiveAuthenticationStatus.Invalid, "The chip's answer to the challenge does not verify with the RSA key in DG15: the chip may be a copy.");
        }

        foreach (var hash in EcdsaHashes)
        {
            if (ecdsa!.VerifyData(challenge, signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                return new(ActiveAuthenticationStatus.Valid, $"The chip signed a fresh challenge with its EC key (ECDSA with {hash.Name}).");
            }
        }

        return new(ActiveAuthenticationStatus.Invalid, "The chip's answer to the challenge does not verify with the EC key in DG15: the chip may be a copy.");
    }

    private static RSA? TryImportRsa(byte[] publicKeyInfo)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportSubjectPublicKeyInfo(publicKeyInfo, out _);
            return rsa;
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
            return null;
        }
    }

    private static ECDsa? TryImportEcdsa(byte[] publicKeyInfo)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportSubjectPublicKeyInfo(publicKeyInfo, out _);
            return ecdsa;
        }
        catch (CryptographicException)
        {
            ecdsa.Dispose();
            return null;
        }
    }
}
