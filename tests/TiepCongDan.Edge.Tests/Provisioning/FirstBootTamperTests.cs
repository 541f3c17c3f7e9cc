using System.Runtime.Versioning;
using System.Text;
using System.Text.Json.Nodes;
using TiepCongDan.Contracts.Provisioning;
using TiepCongDan.Edge.Provisioning;
using TiepCongDan.Edge.Service;

namespace TiepCongDan.Edge.Tests.Provisioning;

/// <summary>
/// A bundle that is not exactly what the fleet CA signed, or opened with the wrong code, is refused
/// with a sentence in Vietnamese and English, and first boot installs nothing and keeps the bundle.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class FirstBootTamperTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tcd-firstboot-tamper-" + Guid.NewGuid().ToString("N"));
    private readonly FirstBootSettings _settings;

    public FirstBootTamperTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "boot"));
        _settings = new FirstBootSettings
        {
            BundlePath = Path.Combine(_root, "boot", "tcd-kiosk.bundle"),
            EtcDirectory = Path.Combine(_root, "etc"),
            DataDirectory = Path.Combine(_root, "data"),
            Enroll = false,
        };
    }

    [Fact]
    public async Task An_untouched_bundle_installs_with_tight_permissions_and_leaves_the_boot_partition()
    {
        using var ca = TestBundles.NewCa();
        var (bundle, code) = TestBundles.Seal(ca);
        await File.WriteAllBytesAsync(_settings.BundlePath, bundle);

        var result = await FirstBoot.RunAsync(_settings with { Code = code });

        Assert.True(result.Installed);
        Assert.False(File.Exists(_settings.BundlePath));
        Assert.Equal("mqtt-password-of-the-test-kiosk", (await File.ReadAllTextAsync(Path.Combine(_settings.SecretsDirectory, "mqtt-password"))).Trim());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_settings.SecretsDirectory, "client.key")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_settings.SecretsDirectory));
        var edge = JsonNode.Parse(await File.ReadAllTextAsync(_settings.ConfigPath))!["Edge"]!;
        Assert.Equal(TestBundles.KioskId, (string?)edge["KioskId"]);
        Assert.Equal(Path.Combine(_settings.SecretsDirectory, "client.key"), (string?)edge["Mqtt"]!["ClientKeyPath"]);

        // The province's time servers for timesyncd, beside etc as /etc/systemd/timesyncd.conf.d is beside /etc/tcd-edge; readable by timesyncd.
        Assert.Equal(Path.Combine(_root, "systemd", "timesyncd.conf.d", "tcd-provisioned.conf"), _settings.TimesyncDropInPath);
        var timesync = await File.ReadAllLinesAsync(_settings.TimesyncDropInPath);
        Assert.Equal(["[Time]", "NTP=", "NTP=ntp.tinh14.example 10.14.0.1"], timesync.Where(l => !l.StartsWith('#')));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(_settings.TimesyncDropInPath));
    }

    [Fact]
    public async Task One_byte_flipped_in_the_signed_part_is_refused_and_nothing_is_installed()
    {
        using var ca = TestBundles.NewCa();
        var (bundle, code) = TestBundles.Seal(ca);
        var file = JsonNode.Parse(bundle)!.AsObject();
        var manifest = Convert.FromBase64String((string)file["manifest"]!);
        // The kiosk id inside the public part: an attacker pointing the card at another kiosk.
        var text = Encoding.UTF8.GetString(manifest);
        manifest[manifest.Length / 3] ^= 0x01;
        Assert.NotEqual(text, Encoding.UTF8.GetString(manifest));
        file["manifest"] = Convert.ToBase64String(manifest);
        await File.WriteAllTextAsync(_settings.BundlePath, file.ToJsonString());

        var refused = await Assert.ThrowsAsync<KioskBundleRejectedException>(() => FirstBoot.RunAsync(_settings with { Code = code }));

        Assert.Contains("Chữ ký của gói cấu hình không hợp lệ", refused.Vietnamese, StringComparison.Ordinal);
        Assert.Contains("signature is invalid", refused.English, StringComparison.Ordinal);
        AssertNothingInstalled();
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.75)]
    [InlineData(0.95)]
    public async Task One_byte_flipped_anywhere_in_the_file_is_refused(double where)
    {
        using var ca = TestBundles.NewCa();
        var (bundle, code) = TestBundles.Seal(ca);
        var at = (int)(bundle.Length * where);
        bundle[at] = bundle[at] == (byte)'A' ? (byte)'B' : (byte)'A';
        await File.WriteAllBytesAsync(_settings.BundlePath, bundle);

        var refused = await Assert.ThrowsAsync<KioskBundleRejectedException>(() => FirstBoot.RunAsync(_settings with { Code = code }));

        Assert.NotEmpty(refused.Vietnamese);
        Assert.Contains("Nothing installed", refused.English, StringComparison.Ordinal);
        AssertNothingInstalled();
    }

    [Fact]
    public async Task A_bundle_signed_by_another_ca_is_refused_against_the_pinned_fleet_ca()
    {
        using var fleet = TestBundles.NewCa();
        using var other = TestBundles.NewCa("Someone Else's CA");
        var (bundle, code) = TestBundles.Seal(other);
        await File.WriteAllBytesAsync(_settings.BundlePath, bundle);
        var pinned = Path.Combine(_root, "fleet-ca.pem");
        await File.WriteAllTextAsync(pinned, fleet.ExportCertificatePem());

        var refused = await Assert.ThrowsAsync<KioskBundleRejectedException>(() => FirstBoot.RunAsync(_settings with { Code = code, PinnedFleetCaPath = pinned }));

        Assert.Contains("không được ký bởi CA của hệ thống", refused.Vietnamese, StringComparison.Ordinal);
        Assert.Contains("not signed by the fleet CA", refused.English, StringComparison.Ordinal);
        AssertNothingInstalled();
    }

    [Fact]
    public async Task A_bundle_re_signed_by_another_key_whose_certificate_it_carries_is_refused_without_a_pinned_ca()
    {
        using var fleet = TestBundles.NewCa();
        using var attacker = TestBundles.NewCa("Attacker");
        // The kiosk certificate comes from the fleet CA, but the attacker signs the whole and ships their own signer.
        var (bundle, code) = TestBundles.Seal(fleet, signer: attacker);
        await File.WriteAllBytesAsync(_settings.BundlePath, bundle);

        var refused = await Assert.ThrowsAsync<KioskBundleRejectedException>(() => FirstBoot.RunAsync(_settings with { Code = code }));

        Assert.Contains("not issued by the fleet CA", refused.English, StringComparison.Ordinal);
        AssertNothingInstalled();
    }

    [Fact]
    public async Task The_wrong_code_is_refused_and_nothing_is_installed()
    {
        using var ca = TestBundles.NewCa();
        var (bundle, _) = TestBundles.Seal(ca);
        await File.WriteAllBytesAsync(_settings.BundlePath, bundle);

        var refused = await Assert.ThrowsAsync<KioskBundleRejectedException>(() => FirstBoot.RunAsync(_settings with { Code = OneTimeCode.Create() }));

        Assert.Contains("Sai mã kích hoạt", refused.Vietnamese, StringComparison.Ordinal);
        Assert.Contains("Wrong activation code", refused.English, StringComparison.Ordinal);
        AssertNothingInstalled();
    }

    [Fact]
    public async Task Tcd_edge_firstboot_prints_both_languages_and_exits_65_on_a_tampered_bundle()
    {
        using var ca = TestBundles.NewCa();
        var (bundle, code) = TestBundles.Seal(ca);
        bundle[bundle.Length / 2] ^= 0x20;
        await File.WriteAllBytesAsync(_settings.BundlePath, bundle);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await FirstBootCommand.RunAsync(
            ["firstboot", "--bundle", _settings.BundlePath, "--etc", _settings.EtcDirectory, "--data", _settings.DataDirectory, "--code", code, "--no-enroll"],
            TextReader.Null, stdout, stderr);

        Assert.Equal(FirstBootCommand.ExitRejected, exit);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("Không cài đặt gì", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("Nothing installed", stderr.ToString(), StringComparison.Ordinal);
        AssertNothingInstalled();
    }

    [Fact]
    public async Task Tcd_edge_firstboot_reads_the_code_from_the_console_and_installs()
    {
        using var ca = TestBundles.NewCa();
        var (bundle, code) = TestBundles.Seal(ca);
        await File.WriteAllBytesAsync(_settings.BundlePath, bundle);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await FirstBootCommand.RunAsync(
            ["firstboot", "--bundle", _settings.BundlePath, "--etc", _settings.EtcDirectory, "--data", _settings.DataDirectory, "--no-enroll"],
            new StringReader(code + "\n"), stdout, stderr);

        Assert.True(exit == 0, stderr.ToString());
        Assert.Contains($"Đã cài đặt ki-ốt {TestBundles.KioskId}", stdout.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(_settings.BundlePath));
        Assert.True(File.Exists(_settings.ConfigPath));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder: best effort.
        }
    }

    private void AssertNothingInstalled()
    {
        Assert.True(File.Exists(_settings.BundlePath), "a refused bundle stays where it was");
        Assert.False(Directory.Exists(_settings.EtcDirectory), "nothing may be written to /etc/tcd-edge");
        Assert.False(Directory.Exists(_settings.DataDirectory), "no key may be written to the data partition");
    }
}
