using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TiepCongDan.Contracts.Reception;

namespace TiepCongDan.Edge.Reception.Journal;

/// <summary>
/// Seals the citizen of an event with AES-256-GCM: version byte, 12-byte nonce, 16-byte tag, ciphertext.
/// The (session, seq) is the associated data, so a sealed citizen copied onto another row does not open.
/// </summary>
internal sealed class CitizenSeal : IDisposable
{
    private const byte Version = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int HeaderBytes = 1 + NonceBytes + TagBytes;

    private readonly AesGcm _aes;

    public CitizenSeal(ReadOnlySpan<byte> key) => _aes = new AesGcm(key, TagBytes);

    public byte[] Seal(ReceptionCitizen citizen, string sessionId, int seq)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(citizen, JournalJson.Options);
        var sealedBytes = new byte[HeaderBytes + plain.Length];
        sealedBytes[0] = Version;
        var nonce = sealedBytes.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        _aes.Encrypt(nonce, plain, sealedBytes.AsSpan(HeaderBytes), sealedBytes.AsSpan(1 + NonceBytes, TagBytes), AssociatedData(sessionId, seq));
        CryptographicOperations.ZeroMemory(plain);
        return sealedBytes;
    }

    /// <summary>Throws <see cref="CryptographicException"/> when the blob was altered, belongs to another row or another key sealed it.</summary>
    public ReceptionCitizen Open(byte[] sealedBytes, string sessionId, int seq)
    {
        if (sealedBytes.Length < HeaderBytes || sealedBytes[0] != Version)
        {
            throw new CryptographicException($"The sealed citizen of {sessionId}/{seq} is not a version {Version} blob ({sealedBytes.Length} bytes).");
        }

        var plain = new byte[sealedBytes.Length - HeaderBytes];
        try
        {
            _aes.Decrypt(sealedBytes.AsSpan(1, NonceBytes), sealedBytes.AsSpan(HeaderBytes), sealedBytes.AsSpan(1 + NonceBytes, TagBytes), plain, AssociatedData(sessionId, seq));
            return JsonSerializer.Deserialize<ReceptionCitizen>(plain, JournalJson.Options)
                ?? throw new CryptographicException($"The sealed citizen of {sessionId}/{seq} holds no citizen.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    public void Dispose() => _aes.Dispose();

    private static byte[] AssociatedData(string sessionId, int seq) => Encoding.UTF8.GetBytes($"tcd-reception:{sessionId}:{seq}");
}
