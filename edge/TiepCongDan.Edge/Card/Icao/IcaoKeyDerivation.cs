using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace TiepCongDan.Edge.Card.Icao;

/// <summary>
/// ICAO 9303-11 §9.7.1 key derivation KDF(K, c): for 3DES the SHA-1 of seed || counter, first 16
/// bytes, DES parity adjusted; for AES-128 the first 16 bytes of SHA-1, for AES-192 and AES-256 the
/// first 24 or 32 bytes of SHA-256.
/// </summary>
[SuppressMessage("Security", "CA5350", Justification = "ICAO 9303 BAC and PACE fix SHA-1 and 3DES; the chip accepts nothing else.")]
public static class IcaoKeyDerivation
{
    public const uint EncryptionCounter = 1;
    public const uint MacCounter = 2;

    /// <summary>The counter that turns a PACE password into K_pi, the key the chip's nonce is encrypted under.</summary>
    public const uint PasswordCounter = 3;

    /// <summary>KDF for the given session cipher; <paramref name="keyLength"/> is 16 for 3DES and 16, 24 or 32 for AES.</summary>
    public static byte[] DeriveKey(ReadOnlySpan<byte> keySeed, uint counter, SecureMessagingCipher cipher, int keyLength)
    {
        if (cipher == SecureMessagingCipher.TripleDes)
        {
            return keyLength == 16
                ? DeriveKey(keySeed, counter)
                : throw new ArgumentOutOfRangeException(nameof(keyLength), keyLength, "Two-key 3DES keys are 16 bytes.");
        }

        var input = new byte[keySeed.Length + 4];
        keySeed.CopyTo(input);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(keySeed.Length), counter);
        return keyLength switch
        {
            16 => SHA1.HashData(input)[..16],
            24 => SHA256.HashData(input)[..24],
            32 => SHA256.HashData(input),
            _ => throw new ArgumentOutOfRangeException(nameof(keyLength), keyLength, "AES keys are 16, 24 or 32 bytes."),
        };
    }

    public static byte[] DeriveKey(ReadOnlySpan<byte> keySeed, uint counter)
    {
        var input = new byte[keySeed.Length + 4];
        keySeed.CopyTo(input);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(keySeed.Length), counter);
        var key = KeySeed(input);
        AdjustParity(key);
        return key;
    }

    /// <summary>The first 16 bytes of the SHA-1 of <paramref name="input"/>: Kseed from MRZ information, or a key before parity.</summary>
    public static byte[] KeySeed(ReadOnlySpan<byte> input) => SHA1.HashData(input)[..16];

    /// <summary>Sets each byte's least significant bit so the byte has odd parity, as DES keys require.</summary>
    public static void AdjustParity(Span<byte> key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            var upper = key[i] & 0xFE;
            var ones = System.Numerics.BitOperations.PopCount((uint)upper);
            key[i] = (byte)(upper | (ones % 2 == 0 ? 1 : 0));
        }
    }
}
