using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace TiepCongDan.CardSim.Cccd;

/// <summary>
/// The card side's primitives (ICAO 9303-11 §9.7, §9.8), on BouncyCastle so they share no code with
/// the reader under test: 3DES key derivation with DES parity, 2-key 3DES CBC, the ISO/IEC 9797-1
/// MAC algorithm 3 (retail MAC), AES CBC and AES-CMAC, and ISO/IEC 9797-1 padding method 2.
/// </summary>
[SuppressMessage("Security", "CA5350", Justification = "ICAO 9303 BAC fixes SHA-1 and 3DES.")]
internal static class CardCrypto
{
    public const int MacLength = 8;

    /// <summary>Kseed from the MRZ information: the first 16 bytes of its SHA-1.</summary>
    public static byte[] KeySeed(ReadOnlySpan<byte> input) => SHA1.HashData(input)[..16];

    /// <summary>A 2-key 3DES key from a seed and counter (1 = enc, 2 = mac), every byte with odd parity.</summary>
    public static byte[] DeriveTripleDesKey(ReadOnlySpan<byte> seed, byte counter)
    {
        var key = SHA1.HashData([.. seed, 0, 0, 0, counter])[..16];
        for (var i = 0; i < key.Length; i++)
        {
            var b = key[i] & 0xFE;
            var ones = 0;
            for (var v = b; v != 0; v >>= 1)
            {
                ones += v & 1;
            }

            key[i] = (byte)(b | (ones % 2 == 0 ? 1 : 0));
        }

        return key;
    }

    public static byte[] TripleDesCbc(bool encrypt, ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        var cipher = new CbcBlockCipher(new DesEdeEngine());
        cipher.Init(encrypt, new ParametersWithIV(new DesEdeParameters(key.ToArray()), new byte[8]));
        return Blocks(cipher.ProcessBlock, 8, data);
    }

    /// <summary>Retail MAC over data the caller already padded to 8-byte blocks.</summary>
    public static byte[] RetailMac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> paddedData)
    {
        var mac = new ISO9797Alg3Mac(new DesEngine());
        mac.Init(new KeyParameter(key.ToArray()));
        mac.BlockUpdate(paddedData.ToArray(), 0, paddedData.Length);
        var result = new byte[MacLength];
        mac.DoFinal(result, 0);
        return result;
    }

    public static byte[] AesCbc(bool encrypt, ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> data)
    {
        var cipher = new CbcBlockCipher(new AesEngine());
        cipher.Init(encrypt, new ParametersWithIV(new KeyParameter(key.ToArray()), iv.ToArray()));
        return Blocks(cipher.ProcessBlock, 16, data);
    }

    /// <summary>One AES block encrypted alone: the secure messaging IV is E(KSenc, SSC).</summary>
    public static byte[] AesEncryptBlock(ReadOnlySpan<byte> key, ReadOnlySpan<byte> block)
    {
        var engine = new AesEngine();
        engine.Init(true, new KeyParameter(key.ToArray()));
        var output = new byte[16];
        engine.ProcessBlock(block.ToArray(), 0, output, 0);
        return output;
    }

    /// <summary>AES-CMAC truncated to 8 bytes, over data the caller already padded to 16-byte blocks.</summary>
    public static byte[] AesCmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> paddedData)
    {
        var mac = new CMac(new AesEngine(), MacLength * 8);
        mac.Init(new KeyParameter(key.ToArray()));
        mac.BlockUpdate(paddedData.ToArray(), 0, paddedData.Length);
        var result = new byte[MacLength];
        mac.DoFinal(result, 0);
        return result;
    }

    /// <summary>ISO/IEC 9797-1 padding method 2: 80 then zeros to a whole number of blocks (always at least one byte).</summary>
    public static byte[] Pad(ReadOnlySpan<byte> data, int blockSize)
    {
        var padded = new byte[(data.Length / blockSize + 1) * blockSize];
        data.CopyTo(padded);
        padded[data.Length] = 0x80;
        return padded;
    }

    /// <summary>Removes method-2 padding; throws <see cref="FormatException"/> when there is none.</summary>
    public static byte[] Unpad(ReadOnlySpan<byte> padded)
    {
        var i = padded.Length - 1;
        while (i >= 0 && padded[i] == 0)
        {
            i--;
        }

        if (i < 0 || padded[i] != 0x80)
        {
            throw new FormatException("Decrypted data lacks ISO 9797-1 method 2 padding.");
        }

        return padded[..i].ToArray();
    }

    private delegate int BlockFunction(byte[] input, int inputOffset, byte[] output, int outputOffset);

    private static byte[] Blocks(BlockFunction process, int blockSize, ReadOnlySpan<byte> data)
    {
        if (data.Length % blockSize != 0)
        {
            throw new FormatException($"Cipher input of {data.Length} bytes is not a whole number of {blockSize}-byte blocks.");
        }

        var input = data.ToArray();
        var output = new byte[input.Length];
        for (var offset = 0; offset < input.Length; offset += blockSize)
        {
            process(input, offset, output, offset);
        }

        return output;
    }
}
