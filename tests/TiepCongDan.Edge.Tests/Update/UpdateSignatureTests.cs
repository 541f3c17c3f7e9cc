using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Service;
using TiepCongDan.Edge.Update;

namespace TiepCongDan.Edge.Tests.Update;

/// <summary>A release must be signed by the kiosk's fleet CA (or a signer it issued); anything else is refused before anything changes.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UpdateSignatureTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly ReleaseFixture _fx = new();
    private readonly FakeRestarter _restarter;
    private readonly FakeTimeProvider _time = new(Now);

    public UpdateSignatureTests() => _restarter = new FakeRestarter(_fx.Layout);

    [Theory]
    [InlineData("unsigned", "not signed")]
    [InlineData("foreign-ca", "did not issue")]
    [InlineData("manifest-changed-after-signing", "does not match SHA256SUMS")]
    [InlineData("garbage-signature-file", "not valid JSON")]
    [InlineData("expired-signer", "did not issue")]
    public async Task A_package_not_signed_by_the_fleet_ca_is_refused_with_a_clear_reason_and_current_is_untouched(string fault, string reason)
    {
        var dir = _fx.MakeReleaseDirectory("2.0.0", signed: fault != "unsigned");
        switch (fault)
        {
            case "foreign-ca":
                using (var foreign = ReleaseFixture.MakeCa("CN=Some other hub's CA"))
                {
                    ReleaseFixture.Sign(dir, foreign);
                }

                break;
            case "manifest-changed-after-signing":
                // Whoever can write the download adds a file and rewrites the hashes, but cannot sign.
                File.WriteAllText(Path.Combine(dir, "wwwroot", "injected.js"), "fetch('//evil')");
                var signature = File.ReadAllBytes(Path.Combine(dir, ReleasePackage.SignatureFile));
                ReleasePackage.WriteManifest(dir, "2.0.0");
                File.WriteAllBytes(Path.Combine(dir, ReleasePackage.SignatureFile), signature);
                break;
            case "garbage-signature-file":
                File.WriteAllText(Path.Combine(dir, ReleasePackage.SignatureFile), "\u0000\u0001 not a signature");
                break;
            case "expired-signer":
                using (var expired = ReleaseFixture.IssueSigner(_fx.FleetCa, "CN=Release 2025", Now.AddYears(-2), Now.AddDays(-1)))
                {
                    ReleaseFixture.Sign(dir, expired);
                }

                break;
        }

        var manager = new UpdateManager(_fx.Layout, _restarter, _time, _fx.Trust);
        var ex = await Assert.ThrowsAsync<UpdatePackageException>(() => manager.InstallAsync(dir, TimeSpan.FromMinutes(10), false, CancellationToken.None));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Equal("1.0.0", _fx.Current);
        Assert.Empty(_restarter.RestartedInto);
        Assert.Equal(["1.0.0"], Directory.EnumerateFileSystemEntries(_fx.Layout.Releases).Select(Path.GetFileName).ToList());
    }

    [Fact]
    public async Task A_release_certificate_issued_by_the_fleet_ca_is_trusted()
    {
        var dir = _fx.MakeReleaseDirectory("2.0.0", signed: false);
        using (var signer = ReleaseFixture.IssueSigner(_fx.FleetCa, "CN=Release signing 2026, O=TiepCongDan", Now.AddDays(-30), Now.AddYears(1)))
        {
            ReleaseFixture.Sign(dir, signer);
        }

        var manager = new UpdateManager(_fx.Layout, _restarter, _time, _fx.Trust);
        var pending = await manager.InstallAsync(dir, TimeSpan.FromMinutes(10), false, CancellationToken.None);
        Assert.Equal("2.0.0", pending.Version);
        Assert.Equal("2.0.0", _fx.Current);
    }

    [Fact]
    public async Task The_command_refuses_an_unsigned_package_unless_told_the_kiosk_is_a_bench_and_pack_writes_what_sign_needs()
    {
        var unsigned = _fx.MakeReleaseDirectory("2.0.0", signed: false);
        var (code, _, error) = await Run("install", unsigned);
        Assert.Equal(UpdateCommand.ExitRefused, code);
        Assert.Contains("not signed", error, StringComparison.Ordinal);
        Assert.Contains("tcd-hub release sign", error, StringComparison.Ordinal);
        Assert.Equal("1.0.0", _fx.Current);

        (code, _, _) = await Run("install", unsigned, "--allow-unsigned");
        Assert.Equal(UpdateCommand.ExitOk, code);
        Assert.Equal("2.0.0", _fx.Current);

        // pack: VERSION and SHA256SUMS for a published folder, any earlier signature removed.
        var published = _fx.MakeReleaseDirectory("3.0.0");
        File.WriteAllText(Path.Combine(published, "wwwroot", "new.css"), "body{}");
        var output = new StringWriter();
        code = await UpdateCommand.RunAsync(["update", "pack", published, "3.0.1"], _restarter, _time, output, new StringWriter(), CancellationToken.None);
        Assert.Equal(UpdateCommand.ExitOk, code);
        Assert.Contains("tcd-hub release sign", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(published, ReleasePackage.SignatureFile)));
        Assert.Equal("3.0.1", File.ReadAllText(Path.Combine(published, ReleasePackage.VersionFile)).Trim());
        Assert.Contains("wwwroot/new.css", File.ReadAllText(Path.Combine(published, ReleasePackage.ManifestFile)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_fleet_ca_installed_the_command_says_where_it_looked()
    {
        File.Delete(Path.Combine(_fx.Root, ReleaseTrust.DefaultAnchorPath.TrimStart('/')));
        var (code, _, error) = await Run("install", _fx.MakeReleaseDirectory("2.0.0"));
        Assert.Equal(UpdateCommand.ExitRefused, code);
        Assert.Contains("no trusted release signer at", error, StringComparison.Ordinal);
        Assert.Equal("1.0.0", _fx.Current);
    }

    private async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] full = ["update", .. args, "--root", _fx.Root];
        var code = await UpdateCommand.RunAsync(full, _restarter, _time, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => _fx.Dispose();
}
