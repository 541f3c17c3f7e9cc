using System.Security.Cryptography.X509Certificates;
using TiepCongDan.Contracts.Releases;
using TiepCongDan.Hub.Cli;
using TiepCongDan.Hub.Provisioning;

namespace TiepCongDan.Hub.Tests;

/// <summary>`tcd-hub release sign DIR` signs an edge release with the fleet CA that provisioned the kiosks, and never makes a new CA.</summary>
public sealed class CliReleaseSignTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tcd-release-sign-").FullName;

    [Fact]
    public async Task Signs_the_manifest_with_the_fleet_ca_and_the_signature_verifies_against_that_ca_only()
    {
        var data = Path.Combine(_root, "hub");
        using var ca = FleetCertificateAuthority.LoadOrCreate(Path.Combine(data, FleetCertificateAuthority.CertificateFileName),
            Path.Combine(data, FleetCertificateAuthority.KeyFileName), TimeProvider.System);
        var release = Directory.CreateDirectory(Path.Combine(_root, "release")).FullName;
        await File.WriteAllTextAsync(Path.Combine(release, "VERSION"), "2.0.0\n");
        await File.WriteAllTextAsync(Path.Combine(release, "SHA256SUMS"), new string('a', 64) + "  tcd-edge\n");

        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliRunner.RunAsync(["release", "sign", release, "--data-dir", data], output, error);

        Assert.True(code == 0, error.ToString());
        var signature = await File.ReadAllBytesAsync(Path.Combine(release, "SHA256SUMS.sig"));
        var manifest = await File.ReadAllBytesAsync(Path.Combine(release, "SHA256SUMS"));
        using var anchor = X509Certificate2.CreateFromPem(ca.CertificatePem);
        Assert.Equal(ca.Certificate.Subject, ReleaseSignature.Verify(manifest, signature, anchor, DateTimeOffset.UtcNow));
        manifest[0] ^= 1;
        Assert.Throws<ReleaseSignatureException>(() => ReleaseSignature.Verify(manifest, signature, anchor, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Without_a_fleet_ca_it_refuses_rather_than_make_one_and_without_a_manifest_it_says_how_to_make_it()
    {
        var release = Directory.CreateDirectory(Path.Combine(_root, "release")).FullName;
        var error = new StringWriter();
        Assert.Equal(CliRunner.ExitUsage, await CliRunner.RunAsync(["release", "sign", release, "--data-dir", _root], new StringWriter(), error));
        Assert.Contains("tcd-edge update pack", error.ToString(), StringComparison.Ordinal);

        await File.WriteAllTextAsync(Path.Combine(release, "VERSION"), "2.0.0\n");
        await File.WriteAllTextAsync(Path.Combine(release, "SHA256SUMS"), string.Empty);
        error = new StringWriter();
        Assert.Equal(CliRunner.ExitConfig, await CliRunner.RunAsync(["release", "sign", release, "--data-dir", Path.Combine(_root, "empty")], new StringWriter(), error));
        Assert.Contains("no fleet CA", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, "empty", FleetCertificateAuthority.KeyFileName)));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
