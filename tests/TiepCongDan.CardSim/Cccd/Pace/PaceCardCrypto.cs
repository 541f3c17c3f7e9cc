using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Paddings;
using Org.BouncyCastle.Crypto.Parameters;

namespace TiepCongDan.CardSim.Cccd.Pace;

/// <summary>
/// The card's symmetric PACE cryptography, on BouncyCastle only (independent of the reader's code):
/// KDF (ICAO 9303-11 §9.7.1), nonce encryption (CBC, zero IV) and the 8-byte MAC of the tokens
/// (AES-CMAC, or the ISO 9797-1 algorithm 3 retail MAC for 3DES).
/// </summary>
internal sealed class PaceCardCrypto(bool aes, int keyLength)
{
    public bool Aes { get; } = aes;

    public int BlockSize => Aes ? 16 : 8;

    public byte[] DeriveKey(ReadOnlySpan<byte> secret, uint counter)
    {
        byte[] input = [.. secret, (byte)(counter >> 24), (byte)(counter >> 16), (byte)(counter >> 8), (byte)counter];
        IDigest digest = !Aes || keyLength == 16 ? new Sha1Digest() : new Sha256Digest();
        digest.BlockUpdate(input, 0, input.Length);
        var hash = new byte[digest.GetDigestSize()];
        digest.DoFinal(hash, 0);
        var key = hash[..keyLength];
        if (!Aes)
        {
            DesParameters.SetOddParity(key);
        }

        return key;
    }

    public byte[] EncryptNonce(byte[] key, byte[] nonce)
    {
        var cipher = new CbcBlockCipher(Aes ? new AesEngine() : new DesEdeEngine());
        cipher.Init(true, new ParametersWithIV(new KeyParameter(key), new byte[BlockSize]));
        var output = new byte[nonce.Length];
        for (var offset = 0; offset < nonce.Length; offset += BlockSize)
        {
            cipher.ProcessBlock(nonce, offset, output, offset);
        }

        return output;
    }

    public byte[] Mac(byte[] key, byte[] data)
    {
        IMac mac = Aes ? new CMac(new AesEngine(), 64) : new ISO9797Alg3Mac(new DesEngine(), new ISO7816d4Padding());
        mac.Init(new KeyParameter(key));
        mac.BlockUpdate(data, 0, data.Length);
        var result = new byte[mac.GetMacSize()];
        mac.DoFinal(result, 0);
        return result;
    }
}
