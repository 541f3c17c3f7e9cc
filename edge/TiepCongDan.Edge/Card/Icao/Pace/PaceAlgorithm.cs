namespace TiepCongDan.Edge.Card.Icao.Pace;

/// <summary>
/// What a PACE protocol object identifier (ICAO 9303-11 §9.2.1, id-PACE = 0.4.0.127.0.7.2.2.4)
/// means: its mapping and the cipher and key length of the session it establishes.
/// </summary>
internal sealed record PaceAlgorithm(string Oid, string Mapping, SecureMessagingCipher Cipher, int KeyLength)
{
    public const string IdPace = "0.4.0.127.0.7.2.2.4";

    public const string EcdhGenericMapping = "ECDH-GM";

    public const string DhGenericMapping = "DH-GM";

    /// <summary>The mappings this code implements; the others (DH-IM, ECDH-IM, ECDH-CAM) are recognised but refused.</summary>
    public bool IsImplemented => Mapping is EcdhGenericMapping or DhGenericMapping;

    public string CipherName => Cipher == SecureMessagingCipher.TripleDes ? "3DES" : $"AES-{KeyLength * 8}";

    /// <summary>The algorithm an OID names, or null when it is not a PACE protocol OID (e.g. a domain parameter info).</summary>
    public static PaceAlgorithm? Find(string oid)
    {
        ArgumentNullException.ThrowIfNull(oid);
        if (!oid.StartsWith(IdPace + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var arcs = oid[(IdPace.Length + 1)..].Split('.');
        if (arcs.Length != 2)
        {
            return null;
        }

        var mapping = arcs[0] switch
        {
            "1" => DhGenericMapping,
            "2" => EcdhGenericMapping,
            "3" => "DH-IM",
            "4" => "ECDH-IM",
            "6" => "ECDH-CAM",
            _ => null,
        };
        (SecureMessagingCipher Cipher, int KeyLength)? cipher = arcs[1] switch
        {
            "1" => (SecureMessagingCipher.TripleDes, 16),
            "2" => (SecureMessagingCipher.Aes, 16),
            "3" => (SecureMessagingCipher.Aes, 24),
            "4" => (SecureMessagingCipher.Aes, 32),
            _ => null,
        };
        return mapping is null || cipher is not { } c ? null : new PaceAlgorithm(oid, mapping, c.Cipher, c.KeyLength);
    }
}
