using System.Text;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;

namespace TiepCongDan.CardSim.Cccd.Pace;

/// <summary>
/// The chip's side of PACE with the CAN (ICAO 9303-11 §4.4), ECDH or DH generic mapping, 3DES or AES,
/// written on BouncyCastle from the specification so the reader's code is checked against an
/// independent implementation. Answers MSE:SET AT and the four chained GENERAL AUTHENTICATE steps
/// with a real chip's status words: 6A80 for wrong parameters or data, 6985 out of order, 6300
/// when the terminal's token is wrong (a wrong CAN). Each successful run sets a new
/// <see cref="Established"/>. Called from one thread at a time, like the card it plugs into.
/// </summary>
public sealed class CardPaceResponder : IPaceResponder
{
    /// <summary>id-PACE-ECDH-GM-AES-CBC-CMAC-128.</summary>
    public const string EcdhGmAes128 = "0.4.0.127.0.7.2.2.4.2.2";

    /// <summary>id-PACE-ECDH-GM-AES-CBC-CMAC-192.</summary>
    public const string EcdhGmAes192 = "0.4.0.127.0.7.2.2.4.2.3";

    /// <summary>id-PACE-ECDH-GM-AES-CBC-CMAC-256.</summary>
    public const string EcdhGmAes256 = "0.4.0.127.0.7.2.2.4.2.4";

    /// <summary>id-PACE-ECDH-GM-3DES-CBC-CBC.</summary>
    public const string EcdhGm3Des = "0.4.0.127.0.7.2.2.4.2.1";

    /// <summary>id-PACE-DH-GM-3DES-CBC-CBC.</summary>
    public const string DhGm3Des = "0.4.0.127.0.7.2.2.4.1.1";

    /// <summary>id-PACE-DH-GM-AES-CBC-CMAC-128.</summary>
    public const string DhGmAes128 = "0.4.0.127.0.7.2.2.4.1.2";

    /// <summary>id-PACE-DH-GM-AES-CBC-CMAC-256.</summary>
    public const string DhGmAes256 = "0.4.0.127.0.7.2.2.4.1.4";

    /// <summary>brainpoolP256r1, the default parameters.</summary>
    public const int BrainpoolP256r1 = 13;

    private const byte CanReference = 0x02;
    private const int NonceLength = 16;

    private static readonly Dictionary<int, string> Curves = new()
    {
        [8] = "secp192r1", [9] = "brainpoolP192r1", [10] = "secp224r1", [11] = "brainpoolP224r1",
        [12] = "secp256r1", [13] = "brainpoolP256r1", [14] = "brainpoolP320r1", [15] = "secp384r1",
        [16] = "brainpoolP384r1", [17] = "brainpoolP512r1", [18] = "secp521r1",
    };

    private readonly byte[] _can;
    private readonly byte[] _oidBytes;
    private readonly int _parameterId;
    private readonly PaceCardGroup _group;
    private readonly PaceCardCrypto _crypto;
    private readonly SecureRandom _random;

    private int _step = -1;
    private BigInteger? _nonce;
    private byte[]? _terminalPublic;
    private byte[]? _cardPublic;
    private byte[]? _macKey;
    private byte[]? _encryptionKey;

    /// <param name="can">The card access number (a CCCD's: the last 6 digits of the ID number).</param>
    /// <param name="protocolOid">One of the generic mapping OIDs above (ECDH-GM AES-192 and DH-GM AES-192 work too).</param>
    /// <param name="parameterId">A standardized curve id, 8 to 18, for ECDH; a MODP group id, 0 to 2, for DH.</param>
    /// <param name="random">The chip's randomness; null for a fresh <see cref="SecureRandom"/>.</param>
    public CardPaceResponder(string can, string protocolOid = EcdhGmAes128, int parameterId = BrainpoolP256r1, SecureRandom? random = null)
    {
        ArgumentNullException.ThrowIfNull(can);
        ArgumentNullException.ThrowIfNull(protocolOid);
        if (can.Length == 0 || !can.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("A CAN is digits.", nameof(can));
        }

        var mapping = protocolOid.StartsWith("0.4.0.127.0.7.2.2.4.", StringComparison.Ordinal) ? protocolOid[20..] : string.Empty;
        var (aes, keyLength) = mapping switch
        {
            "2.1" or "1.1" => (false, 16),
            "2.2" or "1.2" => (true, 16),
            "2.3" or "1.3" => (true, 24),
            "2.4" or "1.4" => (true, 32),
            _ => throw new ArgumentException($"The card implements ECDH and DH generic mapping only, not {protocolOid}.", nameof(protocolOid)),
        };
        if (mapping[0] == '1')
        {
            _group = PaceCardDhGroup.ForParameterId(parameterId)
                ?? throw new ArgumentOutOfRangeException(nameof(parameterId), parameterId, "Standardized MODP groups are ids 0 to 2.");
        }
        else
        {
            _group = Curves.TryGetValue(parameterId, out var curve)
                ? new PaceCardEcGroup(ECNamedCurveTable.GetByName(curve))
                : throw new ArgumentOutOfRangeException(nameof(parameterId), parameterId, "Standardized elliptic curves are ids 8 to 18.");
        }

        _can = Encoding.ASCII.GetBytes(can);
        _oidBytes = new DerObjectIdentifier(protocolOid).GetEncoded()[2..];
        _parameterId = parameterId;
        _crypto = new PaceCardCrypto(aes, keyLength);
        _random = random ?? new SecureRandom();
        CardAccessFile = new DerSet(new DerSequence(
            new DerObjectIdentifier(protocolOid), DerInteger.ValueOf(2), DerInteger.ValueOf(parameterId))).GetEncoded(Asn1Encodable.Der);
    }

    public byte[] CardAccessFile { get; }

    public CardSessionKeys? Established { get; private set; }

    /// <summary>How many GENERAL AUTHENTICATE runs ended with a wrong terminal token (a wrong CAN).</summary>
    public int RefusedTokens { get; private set; }

    public byte[]? TryProcess(ReadOnlySpan<byte> command)
    {
        if (command.Length < 4)
        {
            return null;
        }

        var cla = command[0];
        if (command[1] == 0x22 && command[2] == 0xC1 && command[3] == 0xA4 && (cla & ~0x10) == 0x00)
        {
            return SetAuthenticationTemplate(Body(command));
        }

        if (command[1] == 0x86 && command[2] == 0x00 && command[3] == 0x00 && (cla & ~0x10) == 0x00)
        {
            return GeneralAuthenticate(chained: (cla & 0x10) != 0, Body(command));
        }

        return null;
    }

    public void Reset()
    {
        Forget();
        Established = null;
    }

    private byte[] SetAuthenticationTemplate(byte[]? data)
    {
        Forget();
        var objects = data is null ? null : PaceCardTlv.ReadFlat(data);
        if (objects is null
            || !objects.TryGetValue(0x80, out var oid) || !oid.AsSpan().SequenceEqual(_oidBytes)
            || !objects.TryGetValue(0x83, out var password) || password is not [CanReference]
            || (objects.TryGetValue(0x84, out var parameter) && !(parameter.Length == 1 && parameter[0] == _parameterId)))
        {
            return Status(0x6A80);
        }

        _step = 0;
        return Status(0x9000);
    }

    private byte[] GeneralAuthenticate(bool chained, byte[]? body)
    {
        if (_step < 0)
        {
            return Status(0x6985);
        }

        var last = _step == 3;
        var outer = body is null ? null : PaceCardTlv.ReadFlat(body);
        if (chained == last || outer is null || !outer.TryGetValue(0x7C, out var dynamicData) || PaceCardTlv.ReadFlat(dynamicData) is not { } inner)
        {
            Forget();
            return Status(0x6A80);
        }

        try
        {
            return _step switch
            {
                0 when inner.Count == 0 => SendNonce(),
                1 when inner.TryGetValue(0x81, out var mapping) => Map(mapping),
                2 when inner.TryGetValue(0x83, out var ephemeral) => AgreeKey(ephemeral),
                3 when inner.TryGetValue(0x85, out var token) => Authenticate(token),
                _ => Refuse(0x6A80),
            };
        }
        catch (ArgumentException)
        {
            // BouncyCastle refuses points that are not on the curve.
            return Refuse(0x6A80);
        }
    }

    private byte[] SendNonce()
    {
        var nonce = new byte[NonceLength];
        _random.NextBytes(nonce);
        _nonce = new BigInteger(1, nonce);
        var passwordKey = _crypto.DeriveKey(_can, 3);
        _step = 1;
        return Answer(0x80, _crypto.EncryptNonce(passwordKey, nonce));
    }

    private byte[] Map(byte[] terminalMappingKey)
    {
        var privateKey = RandomScalar();
        _group.Map(_nonce!, privateKey, terminalMappingKey);
        _step = 2;
        return Answer(0x82, _group.PublicKey(privateKey));
    }

    private byte[] AgreeKey(byte[] terminalEphemeralKey)
    {
        var privateKey = RandomScalar();
        var secret = _group.SharedSecret(privateKey, terminalEphemeralKey);
        _terminalPublic = terminalEphemeralKey;
        _cardPublic = _group.MappedPublicKey(privateKey);
        if (_cardPublic.AsSpan().SequenceEqual(_terminalPublic))
        {
            return Refuse(0x6A80);
        }

        _encryptionKey = _crypto.DeriveKey(secret, 1);
        _macKey = _crypto.DeriveKey(secret, 2);
        _step = 3;
        return Answer(0x84, _cardPublic);
    }

    private byte[] Authenticate(byte[] terminalToken)
    {
        var expected = Token(_cardPublic!);
        if (!Arrays.FixedTimeEquals(expected, terminalToken))
        {
            RefusedTokens++;
            return Refuse(0x6300);
        }

        var cardToken = Token(_terminalPublic!);
        Established = new CardSessionKeys(_encryptionKey!, _macKey!, new byte[_crypto.BlockSize], _crypto.Aes);
        Forget();
        return Answer(0x86, cardToken);
    }

    /// <summary>MAC over the public key data object 7F49 { 06 OID, 86 point | 84 DH value }.</summary>
    private byte[] Token(byte[] publicKey) =>
        _crypto.Mac(_macKey!, PaceCardTlv.Encode(0x7F49, [.. PaceCardTlv.Encode(0x06, _oidBytes), .. PaceCardTlv.Encode(_group.PublicKeyTag, publicKey)]));

    private BigInteger RandomScalar() => BigIntegers.CreateRandomInRange(BigInteger.One, _group.Order.Subtract(BigInteger.One), _random);

    private byte[] Refuse(ushort status)
    {
        Forget();
        return Status(status);
    }

    private void Forget()
    {
        _step = -1;
        _nonce = null;
        _terminalPublic = null;
        _cardPublic = null;
        _macKey = null;
        _encryptionKey = null;
    }

    private static byte[] Answer(int tag, byte[] value) => [.. PaceCardTlv.Encode(0x7C, PaceCardTlv.Encode(tag, value)), 0x90, 0x00];

    private static byte[] Status(ushort sw) => [(byte)(sw >> 8), (byte)sw];

    /// <summary>The command data of a short or extended APDU (case 3 or 4); null when Lc does not match.</summary>
    private static byte[]? Body(ReadOnlySpan<byte> command)
    {
        if (command.Length < 6)
        {
            return command.Length == 4 || command.Length == 5 ? [] : null;
        }

        if (command[4] == 0 && command.Length >= 7)
        {
            var extended = (command[5] << 8) | command[6];
            return extended > 0 && (command.Length == 7 + extended || command.Length == 9 + extended) ? command.Slice(7, extended).ToArray() : null;
        }

        var lc = command[4];
        return command.Length == 5 + lc || command.Length == 6 + lc ? command.Slice(5, lc).ToArray() : null;
    }
}
