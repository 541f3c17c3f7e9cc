using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Macs;
using Org.BouncyCastle.Crypto.Parameters;
using TiepCongDan.Edge.Card.Icao;

namespace TiepCongDan.Edge.Tests.CardSim;

/// <summary>
/// The terminal side of AES secure messaging (ICAO 9303-11 §9.8.6/9.8.7), written here from the
/// specification because the edge's <see cref="SecureMessaging"/> speaks 3DES only so far: 16-byte
/// SSC, IV = AES-ECB(KSenc, SSC), AES-CBC, AES-CMAC over 16-byte padded input cut to 8 bytes.
/// Short APDUs, commands with data or Le only as the card tests need.
/// </summary>
internal sealed class AesSecureMessagingClient : IApduTransport
{
    private readonly IApduTransport _inner;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _macKey;
    private readonly byte[] _ssc;

    public AesSecureMessagingClient(IApduTransport inner, byte[] encryptionKey, byte[] macKey, byte[] ssc)
    {
        _inner = inner;
        _encryptionKey = encryptionKey;
        _macKey = macKey;
        _ssc = ssc.ToArray();
    }

    public byte[] Transmit(ReadOnlySpan<byte> commandApdu)
    {
        var header = new byte[] { (byte)(commandApdu[0] | 0x0C), commandApdu[1], commandApdu[2], commandApdu[3] };
        byte[] data = commandApdu.Length > 5 ? commandApdu.Slice(5, commandApdu[4]).ToArray() : [];
        byte? le = commandApdu.Length == 5 ? commandApdu[4] : commandApdu.Length > 5 + data.Length ? commandApdu[^1] : null;

        Increment();
        byte[] do87 = data.Length == 0 ? [] : [0x87, (byte)(17 + (data.Length / 16 * 16)), 0x01, .. Crypt(true, Pad(data))];
        byte[] do97 = le is { } l ? [0x97, 0x01, l] : [];
        var mac = Mac([.. _ssc, .. Pad(header), .. do87, .. do97]);
        byte[] body = [.. do87, .. do97, 0x8E, 0x08, .. mac];
        var response = _inner.Transmit([.. header, (byte)body.Length, .. body, 0x00]);

        Increment();
        Assert.True(response.Length >= 16, $"The card answered {Convert.ToHexString(response)} without secure messaging.");
        var r = response.AsSpan(0, response.Length - 2);
        var macAt = r.Length - 10;
        Assert.Equal(0x8E, r[macAt]);
        Assert.Equal(Mac([.. _ssc, .. r[..macAt]]), r[(macAt + 2)..].ToArray());
        var status = r.Slice(macAt - 4, 4).ToArray();
        Assert.Equal(0x99, status[0]);
        byte[] plain = [];
        if (macAt > 4)
        {
            Assert.Equal(0x87, r[0]);
            var lengthBytes = r[1] < 0x80 ? 1 : 1 + (r[1] & 0x7F);
            var cryptogram = r[(1 + lengthBytes + 1)..(macAt - 4)].ToArray();
            plain = Unpad(Crypt(false, cryptogram));
        }

        return [.. plain, status[2], status[3]];
    }

    private static byte[] Pad(byte[] data)
    {
        var padded = new byte[(data.Length / 16 + 1) * 16];
        data.CopyTo(padded, 0);
        padded[data.Length] = 0x80;
        return padded;
    }

    private static byte[] Unpad(byte[] padded) => padded[..Array.LastIndexOf(padded, (byte)0x80)];

    private byte[] Crypt(bool encrypt, byte[] data)
    {
        using var aes = Aes.Create();
        aes.Key = _encryptionKey;
        var iv = aes.EncryptEcb(_ssc, PaddingMode.None);
        return encrypt ? aes.EncryptCbc(data, iv, PaddingMode.None) : aes.DecryptCbc(data, iv, PaddingMode.None);
    }

    private byte[] Mac(byte[] input)
    {
        var cmac = new CMac(new AesEngine(), 64);
        cmac.Init(new KeyParameter(_macKey));
        var padded = Pad(input);
        cmac.BlockUpdate(padded, 0, padded.Length);
        var result = new byte[8];
        cmac.DoFinal(result, 0);
        return result;
    }

    private void Increment()
    {
        for (var i = _ssc.Length - 1; i >= 0 && ++_ssc[i] == 0; i--)
        {
        }
    }
}
