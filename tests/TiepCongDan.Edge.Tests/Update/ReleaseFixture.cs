using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using TiepCongDan.Contracts.Releases;
using TiepCongDan.Edge.Update;

namespace TiepCongDan.Edge.Tests.Update;

/// <summary>
/// A temporary kiosk root with release 1.0.0 installed and running, a test fleet CA installed where
/// first boot puts it (etc/tcd-edge/secrets/fleet-ca.pem), and helpers that build release packages
/// signed by that CA.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class ReleaseFixture : IDisposable
{
    public ReleaseFixture()
    {
        Root = Directory.CreateTempSubdirectory("tcd-update-").FullName;
        FleetCa = MakeCa("CN=Test fleet CA, O=TiepCongDan");
        Layout = new UpdateLayout(Root);
        Directory.CreateDirectory(Layout.Releases);
        Directory.CreateDirectory(Layout.DataDirectory);
        var first = MakeReleaseDirectory("1.0.0");
        Directory.Move(first, Layout.ReleaseDirectory("1.0.0"));
        File.CreateSymbolicLink(Layout.Current, "releases/1.0.0");
        var anchor = Path.Combine(Root, ReleaseTrust.DefaultAnchorPath.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(anchor)!);
        File.WriteAllText(anchor, FleetCa.ExportCertificatePem());
        Trust = ReleaseTrust.FromFile(anchor);
    }

    /// <summary>The fleet CA with its private key: what `tcd-hub release sign` signs with.</summary>
    public X509Certificate2 FleetCa { get; }

    /// <summary>What the kiosk trusts: the fleet CA's certificate only.</summary>
    public ReleaseTrust Trust { get; }

    public string Root { get; }

    public UpdateLayout Layout { get; }

    public string Current => UpdateLayout.LinkVersion(Layout.Current)!;

    /// <summary>A published-edge folder with a fake tcd-edge, a library, VERSION and SHA256SUMS.</summary>
    public string MakeReleaseDirectory(string version, bool signed = true)
    {
        var dir = Path.Combine(Root, "packages", version + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(Path.Combine(dir, "wwwroot"));
        var exe = Path.Combine(dir, ReleasePackage.Executable);
        File.WriteAllText(exe, $"#!/bin/sh\necho tcd-edge {version}\n");
        File.SetUnixFileMode(exe, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.WriteAllBytes(Path.Combine(dir, "TiepCongDan.Edge.dll"), System.Text.Encoding.UTF8.GetBytes(new string('x', 200_000) + version));
        File.WriteAllText(Path.Combine(dir, "wwwroot", "index.html"), "<html>" + version + "</html>");
        ReleasePackage.WriteManifest(dir, version);
        if (signed)
        {
            Sign(dir, FleetCa);
        }

        return dir;
    }

    /// <summary>Writes SHA256SUMS.sig over the folder's manifest, as `tcd-hub release sign` does.</summary>
    public static void Sign(string dir, X509Certificate2 signer) =>
        File.WriteAllBytes(Path.Combine(dir, ReleasePackage.SignatureFile),
            ReleaseSignature.Sign(File.ReadAllBytes(Path.Combine(dir, ReleasePackage.ManifestFile)), signer));

    /// <summary>A self-signed ECDSA P-256 CA (a fleet CA of some hub).</summary>
    public static X509Certificate2 MakeCa(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        // Fixed validity around the tests' fake clocks (2026), whatever day the tests run.
        return request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2060, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    /// <summary>A release-signing certificate issued by <paramref name="issuer"/> (with its private key).</summary>
    public static X509Certificate2 IssueSigner(X509Certificate2 issuer, string subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        using var certificate = request.Create(issuer, notBefore, notAfter, RandomNumberGenerator.GetBytes(8));
        return certificate.CopyWithPrivateKey(key);
    }

    /// <summary>The same as a .tar.gz, as a release build would ship it.</summary>
    public string MakeTarball(string version)
    {
        var dir = MakeReleaseDirectory(version);
        var tarball = dir + ".tar.gz";
        using (var file = File.Create(tarball))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            TarFile.CreateFromDirectory(dir, gzip, includeBaseDirectory: false);
        }

        return tarball;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
