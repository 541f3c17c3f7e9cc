using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Paddings;
using Org.BouncyCastle.Crypto.Parameters;
using TiepCongDan.CardSim.Cccd;

namespace TiepCongDan.Edge.Tests.Card.Icao.Pace;

/// <summary>
/// The card's end of secure messaging for one test, on BouncyCastle and the card-side PACE keys
/// (not the reader's code): checks the command's MAC, decrypts its data, and protects a chosen
/// answer. Short APDUs with single-byte lengths only.
/// </summary>
internal sealed class CardSideSecureMessaging(CardSessionKeys keys)
{
    private readonly byte[] _ssc = keys.SendSequenceCounter.ToArray();

    private int BlockSize => keys.Aes ? 16 : 8;

    /// <summary>Unwraps a protected command: returns the plain header, data and Le; fails the test on a bad MAC.</summary>
    public (byte[] Header, byte[] Data, int? Le) Unwrap(byte[] command)
    {
        Increment();
        var body = command.AsSpan(5, command[4]);
        byte[] header = [(byte)(command[0] & ~0x0C), command[1], command[2], command[3]];
        var data = Array.Empty<byte>();
        int? le = null;
        var offset = 0;
        while (true)
        {
            var tag = body[offset];
            int length = body[offset + 1];
            var valueAt = offset + 2;
            if (length == 0x81)
            {
                length = body[offset + 2];
                valueAt++;
            }

            var value = body.Slice(valueAt, length);
            switch (tag)
            {
                case 0x87:
                    Assert.Equal(0x01, value[0]);
                    data = Unpad(Cipher(false, value[1..].ToArray()));
                    break;
                case 0x97:
                    le = value[0];
                    break;
                case 0x8E:
                    byte[] macInput = [.. _ssc, .. Pad([.. command.AsSpan(0, 4)]), .. body[..offset]];
                    Assert.Equal(Convert.ToHexString(Mac(macInput)), Convert.ToHexString(value));
                    Assert.Equal(body.Length, valueAt + length);
                    return (header, data, le);
                default:
                    Assert.Fail($"Unexpected data object {tag:X2} in a protected command.");
                    break;
            }

            offset = valueAt + length;
        }
    }

    public byte[] Wrap(byte[] data, ushort status)
    {
        Increment();
        byte[] do87 = [];
        if (data.Length > 0)
        {
            var encrypted = Cipher(true, Pad(data));
            do87 = encrypted.Length + 1 < 0x80
                ? [0x87, (byte)(encrypted.Length + 1), 0x01, .. encrypted]
                : [0x87, 0x81, (byte)(encrypted.Length + 1), 0x01, .. encrypted];
        }

        byte[] do99 = [0x99, 0x02, (byte)(status >> 8), (byte)status];
        var mac = Mac([.. _ssc, .. do87, .. do99]);
        return [.. do87, .. do99, 0x8E, 0x08, .. mac, 0x90, 0x00];
    }

    private byte[] Mac(byte[] input)
    {
        IMac mac = keys.Aes ? new CMac(new AesEngine(), 64) : new ISO9797Alg3Mac(new DesEngine(), new ISO7816d4Padding());
        mac.Init(new KeyParameter(keys.MacKey));
        var padded = keys.Aes ? Pad(input) : input;
        mac.BlockUpdate(padded, 0, padded.Length);
        var result = new byte[8];
        mac.DoFinal(result, 0);
        return result;
    }

    private byte[] Cipher(bool encrypt, byte[] data)
    {
        var iv = new byte[BlockSize];
        if (keys.Aes)
        {
            var ecb = new AesEngine();
            ecb.Init(true, new KeyParameter(keys.EncryptionKey));
            ecb.ProcessBlock(_ssc, 0, iv, 0);
        }

        var cbc = new CbcBlockCipher(keys.Aes ? new AesEngine() : new DesEdeEngine());
        cbc.Init(encrypt, new ParametersWithIV(new KeyParameter(keys.EncryptionKey), iv));
        var output = new byte[data.Length];
        for (var offset = 0; offset < data.Length; offset += BlockSize)
        {
            cbc.ProcessBlock(data, offset, output, offset);
        }

        return output;
    }

    private byte[] Pad(byte[] data)
    {
        var padded = new byte[(data.Length / BlockSize + 1) * BlockSize];
        data.CopyTo(padded, 0);
        padded[data.Length] = 0x80;
        return padded;
    }

    private static byte[] Unpad(byte[] padded)
    {
        var end = Array.LastIndexOf(padded, (byte)0x80);
        Assert.True(end >= 0, "The decrypted command data is not padded.");
        return padded[..end];
    }

    private void Increment()
    {
        for (var i = _ssc.Length - 1; i >= 0 && ++_ssc[i] == 0; i--)
        {
        }
    }
}
