namespace TiepCongDan.Edge.Card.Icao;

/// <summary>The block cipher a secure messaging session runs on (ICAO 9303-11 §9.8).</summary>
public enum SecureMessagingCipher
{
    /// <summary>2-key 3DES CBC, ISO 9797-1 retail MAC, 8-byte send sequence counter (BAC, PACE with 3DES).</summary>
    TripleDes,

    /// <summary>AES CBC with IV = E(KSenc, SSC), AES-CMAC truncated to 8 bytes, 16-byte counter (PACE with AES).</summary>
    Aes,
}
