using System.Security.Cryptography;

namespace TiepCongDan.Hub.Archive;

/// <summary>
/// The hub's manifest signing key: ECDSA P-256 in a PKCS#8 PEM readable only by the hub (0600), with the
/// public key beside it (*.pub.pem, SubjectPublicKeyInfo) for auditors. Created on first use.
/// </summary>
public static class ArchiveSigningKey
{
    public const string DefaultFileName = "archive-signing.pem";

    /// <summary>{DataDirectory}/keys/archive-signing.pem unless configured.</summary>
    public static string PathFor(string dataDirectoryFullPath, string? configuredPath) =>
        string.IsNullOrWhiteSpace(configuredPath)
            ? System.IO.Path.Combine(dataDirectoryFullPath, "keys", DefaultFileName)
            : System.IO.Path.GetFullPath(configuredPath);

    /// <summary>archive-signing.pem → archive-signing.pub.pem.</summary>
    public static string PublicPathFor(string privatePath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(privatePath)!, System.IO.Path.GetFileNameWithoutExtension(privatePath) + ".pub.pem");

    /// <summary>Loads the private key, creating it (and the public file) when missing.</summary>
    public static ECDsa LoadOrCreate(string privatePath)
    {
        var key = ECDsa.Create();
        if (File.Exists(privatePath))
        {
            try
            {
                key.ImportFromPem(File.ReadAllText(privatePath));
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                key.Dispose();
                throw new InvalidOperationException($"The archive signing key {privatePath} is not an ECDSA PEM: {ex.Message}", ex);
            }

            if (key.KeySize != 256)
            {
                key.Dispose();
                throw new InvalidOperationException($"The archive signing key {privatePath} is ECDSA-{key.KeySize}; manifests are signed with P-256.");
            }
        }
        else
        {
            key.GenerateKey(ECCurve.NamedCurves.nistP256);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(privatePath)!);
            var temp = privatePath + ".tmp";
            var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                // Created 0600: the key never exists with wider permissions, not even for a moment.
                create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new FileStream(temp, create))
            using (var writer = new StreamWriter(file))
            {
                writer.Write(key.ExportPkcs8PrivateKeyPem());
            }

            File.Move(temp, privatePath);
        }

        var publicPath = PublicPathFor(privatePath);
        var publicPem = key.ExportSubjectPublicKeyInfoPem();
        if (!File.Exists(publicPath) || File.ReadAllText(publicPath) != publicPem)
        {
            File.WriteAllText(publicPath, publicPem);
        }

        return key;
    }

    /// <summary>Loads a public key (or a private PEM, whose public half is used); throws when unreadable.</summary>
    public static ECDsa LoadPublic(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The archive's public key {path} does not exist; pass --public-key or --data-dir.", path);
        }

        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
            return key;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidOperationException($"{path} is not an ECDSA PEM: {ex.Message}", ex);
        }
    }

    /// <summary>SHA-256 of the SubjectPublicKeyInfo, first 16 hex digits: names the key in manifest.sig.</summary>
    public static string KeyId(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
}
