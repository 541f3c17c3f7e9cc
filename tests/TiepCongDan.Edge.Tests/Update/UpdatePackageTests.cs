using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Update;

namespace TiepCongDan.Edge.Tests.Update;

/// <summary>A torn, altered or incomplete package is refused before anything changes.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UpdatePackageTests : IDisposable
{
    private readonly ReleaseFixture _fx = new();
    private readonly FakeRestarter _restarter;
    private readonly UpdateManager _manager;

    public UpdatePackageTests()
    {
        _restarter = new FakeRestarter(_fx.Layout);
        _manager = new UpdateManager(_fx.Layout, _restarter, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)), _fx.Trust);
    }

    [Fact]
    public async Task A_torn_tarball_is_refused_and_current_is_untouched()
    {
        var tarball = _fx.MakeTarball("2.0.0");
        var bytes = File.ReadAllBytes(tarball);
        File.WriteAllBytes(tarball, bytes[..(bytes.Length / 2)]); // a download cut off half-way

        var ex = await Assert.ThrowsAsync<UpdatePackageException>(() => _manager.InstallAsync(tarball, TimeSpan.FromMinutes(10), false, CancellationToken.None));
        Assert.Contains("torn", ex.Message, StringComparison.Ordinal);
        AssertNothingChanged();
    }

    [Theory]
    [InlineData("altered")]
    [InlineData("extra")]
    [InlineData("missing")]
    [InlineData("no-manifest")]
    [InlineData("bad-version")]
    public async Task A_package_that_does_not_match_its_manifest_is_refused_and_current_is_untouched(string fault)
    {
        var dir = _fx.MakeReleaseDirectory("2.0.0");
        switch (fault)
        {
            case "altered":
                var dll = Path.Combine(dir, "TiepCongDan.Edge.dll");
                var bytes = File.ReadAllBytes(dll);
                bytes[1000] ^= 0x01;
                File.WriteAllBytes(dll, bytes);
                break;
            case "extra":
                File.WriteAllText(Path.Combine(dir, "wwwroot", "injected.js"), "alert(1)");
                break;
            case "missing":
                File.Delete(Path.Combine(dir, "wwwroot", "index.html"));
                break;
            case "no-manifest":
                File.Delete(Path.Combine(dir, ReleasePackage.ManifestFile));
                break;
            case "bad-version":
                File.WriteAllText(Path.Combine(dir, ReleasePackage.VersionFile), "../../etc\n");
                ReleasePackage.WriteManifest(dir, "../../etc");
                ReleaseFixture.Sign(dir, _fx.FleetCa); // signed, so the version itself is what is refused
                break;
        }

        await Assert.ThrowsAsync<UpdatePackageException>(() => _manager.InstallAsync(dir, TimeSpan.FromMinutes(10), false, CancellationToken.None));
        AssertNothingChanged();
    }

    private void AssertNothingChanged()
    {
        Assert.Equal("1.0.0", _fx.Current);
        Assert.False(File.Exists(_fx.Layout.PendingMarker));
        Assert.False(new FileInfo(_fx.Layout.Previous).Exists || new FileInfo(_fx.Layout.Previous).LinkTarget is not null);
        Assert.Empty(_restarter.RestartedInto);
        Assert.Equal(["1.0.0"], Directory.EnumerateFileSystemEntries(_fx.Layout.Releases).Select(Path.GetFileName).ToList());
    }

    public void Dispose() => _fx.Dispose();
}
