using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace TiepCongDan.Edge.Card.Icao;

/// <summary>ICAO 9303-11 §9.7.1 key derivation for 3DES: SHA-1 of seed || counter, first 16 bytes, DES parity adjusted.</summary>
[SuppressMessage("Security", "CA5350", Justification = "ICAO 9303 BAC fixes SHA-1 and 3DES; the chip accepts nothing else.")]
public static class IcaoKeyDerivation
{
    public const uint EncryptionCounter = 1;
    public const uint MacCounter = 2;

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
