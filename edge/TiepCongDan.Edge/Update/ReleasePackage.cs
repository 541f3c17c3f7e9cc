using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using TiepCongDan.Contracts.Releases;

namespace TiepCongDan.Edge.Update;

/// <summary>
/// A release package: a folder or a .tar.gz holding <c>VERSION</c> (one line), <c>SHA256SUMS</c>
/// (<c>sha256sum</c> format, one line per file) and the published edge. Unpacked into a staging
/// folder and verified there: every file listed, every listed file present with its hash, nothing
/// else, the binary <c>tcd-edge</c> present, and <c>SHA256SUMS.sig</c> a signature over the manifest
/// by the kiosk's <see cref="ReleaseTrust"/>. Nothing is trusted before that.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static partial class ReleasePackage
{
    public const string VersionFile = "VERSION";

    public const string ManifestFile = "SHA256SUMS";

    public const string SignatureFile = "SHA256SUMS.sig";

    public const string Executable = "tcd-edge";

    /// <summary>Copies or unpacks <paramref name="source"/> into <paramref name="staging"/> (created) and verifies it; returns the version.</summary>
    public static string UnpackAndVerify(string source, string staging, ReleaseTrust trust, DateTimeOffset now)
    {
        Directory.CreateDirectory(staging);
        if (Directory.Exists(source))
        {
            CopyDirectory(source, staging);
        }
        else if (File.Exists(source))
        {
            try
            {
                using var file = File.OpenRead(source);
                using var gzip = new GZipStream(file, CompressionMode.Decompress);
                TarFile.ExtractToDirectory(gzip, staging, overwriteFiles: false);
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException or FormatException or UnauthorizedAccessException)
            {
                throw new UpdatePackageException($"the package {source} cannot be unpacked (torn or not a .tar.gz): {ex.Message}");
            }
        }
        else
        {
            throw new UpdatePackageException($"no package at {source}");
        }

        return Verify(staging, trust, now);
    }

    /// <summary>Checks a release folder's signature and its files against its manifest; returns its version.</summary>
    public static string Verify(string directory, ReleaseTrust trust, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(trust);
        var versionPath = Path.Combine(directory, VersionFile);
        var manifestPath = Path.Combine(directory, ManifestFile);
        if (!File.Exists(versionPath) || !File.Exists(manifestPath))
        {
            throw new UpdatePackageException($"the package has no {VersionFile} or no {ManifestFile}");
        }

        _ = VerifySignature(directory, manifestPath, trust, now);

        var version = File.ReadAllText(versionPath).Trim();
        if (!VersionPattern().IsMatch(version) || version is "." or "..")
        {
            throw new UpdatePackageException($"the package's version '{version}' is not a plain version (letters, digits, . _ + -)");
        }

        var listed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(manifestPath))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var match = ManifestLine().Match(line);
            if (!match.Success)
            {
                throw new UpdatePackageException($"{ManifestFile} has a line that is not '<sha256>  <path>': {line}");
            }

            var relative = match.Groups[2].Value.StartsWith("./", StringComparison.Ordinal) ? match.Groups[2].Value[2..] : match.Groups[2].Value;
            if (relative.Split('/').Any(part => part is ".." or "") || Path.IsPathRooted(relative))
            {
                throw new UpdatePackageException($"{ManifestFile} names a path outside the package: {relative}");
            }

            listed[relative] = match.Groups[1].Value.ToLowerInvariant();
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                throw new UpdatePackageException($"the package holds a symlink ({relative}); releases hold plain files only");
            }

            if (Directory.Exists(path) || relative is ManifestFile or SignatureFile)
            {
                continue;
            }

            present.Add(relative);
            if (!listed.TryGetValue(relative, out var expected))
            {
                throw new UpdatePackageException($"{relative} is in the package but not in {ManifestFile}");
            }

            if (!string.Equals(Sha256(path), expected, StringComparison.Ordinal))
            {
                throw new UpdatePackageException($"{relative} does not match its SHA-256 in {ManifestFile} (altered or torn)");
            }
        }

        var missing = listed.Keys.Where(k => !present.Contains(k)).ToList();
        if (missing.Count > 0)
        {
            throw new UpdatePackageException($"{ManifestFile} lists files the package lacks: {string.Join(", ", missing.Take(5))}");
        }

        if (!listed.ContainsKey(VersionFile))
        {
            throw new UpdatePackageException($"{VersionFile} is not covered by {ManifestFile}");
        }

        var executable = Path.Combine(directory, Executable);
        if (!File.Exists(executable) || (File.GetUnixFileMode(executable) & UnixFileMode.UserExecute) == 0)
        {
            throw new UpdatePackageException($"the package has no executable {Executable}");
        }

        return version;
    }

    /// <summary>The signer's subject, or null for an unsigned package a bench kiosk accepts.</summary>
    private static string? VerifySignature(string directory, string manifestPath, ReleaseTrust trust, DateTimeOffset now)
    {
        var signaturePath = Path.Combine(directory, SignatureFile);
        if (trust.Anchor is null)
        {
            return trust.AllowsUnsigned ? null
                : throw new UpdatePackageException("no trusted release signer is configured, so no package can be accepted");
        }

        if (!File.Exists(signaturePath))
        {
            throw new UpdatePackageException($"the package is not signed (no {SignatureFile}); sign it with `tcd-hub release sign`");
        }

        try
        {
            return ReleaseSignature.Verify(File.ReadAllBytes(manifestPath), File.ReadAllBytes(signaturePath), trust.Anchor, now);
        }
        catch (ReleaseSignatureException ex)
        {
            throw new UpdatePackageException($"{SignatureFile}: {ex.Message}");
        }
    }

    /// <summary>Writes VERSION and SHA256SUMS for a published edge folder (used by the release build and the tests).</summary>
    public static void WriteManifest(string directory, string version)
    {
        File.WriteAllText(Path.Combine(directory, VersionFile), version + "\n");
        var lines = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(directory, p).Replace('\\', '/'))
            .Where(p => p is not ManifestFile and not SignatureFile)
            .Order(StringComparer.Ordinal)
            .Select(p => $"{Sha256(Path.Combine(directory, p))}  {p}");
        File.WriteAllLines(Path.Combine(directory, ManifestFile), lines);
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, dir)));
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            File.Copy(file, destination);
            File.SetUnixFileMode(destination, File.GetUnixFileMode(file));
        }
    }

    [GeneratedRegex("^[0-9A-Za-z._+-]{1,64}$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^([0-9a-fA-F]{64}) [ *](.+)$")]
    private static partial Regex ManifestLine();
}
