using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TiepCongDan.Contracts.Reception;

namespace TiepCongDan.Hub.Reception;

/// <summary>
/// Encrypts the register's citizens at rest (AES-256-GCM, the session id as associated data so a blob
/// cannot be moved to another session) and computes their archive reference (HMAC-SHA256 of the ID
/// number). Both keys are derived (HKDF) from one 32-byte file kept like the archive's signing key.
/// Thread-safe.
/// </summary>
public sealed class CitizenProtector
{
    public const string DefaultFileName = "reception-citizen.key";
    private const byte Version = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly byte[] _encryptionKey;
    private readonly byte[] _referenceKey;

    public CitizenProtector(byte[] masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        if (masterKey.Length != 32)
        {
            throw new ArgumentException("The reception key must be 32 bytes.", nameof(masterKey));
        }

        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: Encoding.ASCII.GetBytes("tcd-reception-citizen-aes-gcm"));
        _referenceKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: Encoding.ASCII.GetBytes("tcd-reception-citizen-ref-hmac"));
    }

    /// <summary>{DataDirectory}/keys/reception-citizen.key unless configured.</summary>
    public static string PathFor(string dataDirectoryFullPath, string? configuredPath) =>
        string.IsNullOrWhiteSpace(configuredPath)
            ? Path.Combine(dataDirectoryFullPath, "keys", DefaultFileName)
            : Path.GetFullPath(configuredPath);

    /// <summary>Reads the key file, creating it (0600, 32 random bytes) when missing.</summary>
    public static CitizenProtector LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var bytes = File.ReadAllBytes(path);
            return bytes.Length == 32
                ? new CitizenProtector(bytes)
                : throw new InvalidOperationException($"The reception key {path} has {bytes.Length} bytes, not 32; restore it from the backup (the stored citizens need it).");
        }

        var key = RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created 0600: the key never exists with wider permissions, not even for a moment.
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temp, create))
        {
            file.Write(key);
        }

        File.Move(temp, path);
        return new CitizenProtector(key);
    }

    public byte[] Seal(string sessionId, ReceptionCitizen citizen)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(citizen, Json);
        var sealedBytes = new byte[1 + NonceBytes + TagBytes + plain.Length];
        sealedBytes[0] = Version;
        var nonce = sealedBytes.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(1 + NonceBytes + TagBytes), sealedBytes.AsSpan(1 + NonceBytes, TagBytes), Encoding.UTF8.GetBytes(sessionId));
        CryptographicOperations.ZeroMemory(plain);
        return sealedBytes;
    }

    /// <summary>Throws <see cref="CryptographicException"/> when the blob was altered, moved or sealed under another key.</summary>
    public ReceptionCitizen Open(string sessionId, byte[] sealedBytes)
    {
        ArgumentNullException.ThrowIfNull(sealedBytes);
        if (sealedBytes.Length < 1 + NonceBytes + TagBytes || sealedBytes[0] != Version)
        {
            throw new CryptographicException($"The stored citizen of session {sessionId} is not a version {Version} blob.");
        }

        var plain = new byte[sealedBytes.Length - 1 - NonceBytes - TagBytes];
        using var aes = new AesGcm(_encryptionKey, TagBytes);
        aes.Decrypt(sealedBytes.AsSpan(1, NonceBytes), sealedBytes.AsSpan(1 + NonceBytes + TagBytes), sealedBytes.AsSpan(1 + NonceBytes, TagBytes), plain,
            Encoding.UTF8.GetBytes(sessionId));
        try
        {
            return JsonSerializer.Deserialize<ReceptionCitizen>(plain, Json)
                ?? throw new CryptographicException($"The stored citizen of session {sessionId} is empty.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    /// <summary>"hmac:" + hex HMAC-SHA256 of the ID number: the same citizen gets the same reference on this hub, and the number cannot be read back.</summary>
    public string Reference(string idNumber) =>
        "hmac:" + Convert.ToHexStringLower(HMACSHA256.HashData(_referenceKey, Encoding.ASCII.GetBytes(idNumber)));
}
