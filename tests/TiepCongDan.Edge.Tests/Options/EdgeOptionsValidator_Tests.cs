using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Options;

public sealed class EdgeOptionsValidator_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-options-").FullName;

    private EdgeOptions Valid() => new()
    {
        KioskId = "14-04171",
        DataDirectory = Path.Combine(_dir, "data"),
        Mqtt = new EdgeMqttOptions { Password = "p" },
        Media = new EdgeMediaOptions { Srt = new EdgeSrtOptions { Passphrase = "kiosk-srt-passphrase" } },
    };

    private static IReadOnlyList<string> Failures(EdgeOptions options) =>
        new EdgeOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Valid_options_pass_and_the_data_directory_is_created()
    {
        var options = Valid();
        Assert.Empty(Failures(options));
        Assert.True(Directory.Exists(options.DataDirectory));
        Assert.Equal("14", options.Province);
        Assert.Equal("04171", options.Commune);
        Assert.Equal("14-04171", options.MqttUsername);
    }

    [Fact]
    public void A_bad_kiosk_id_is_explained_with_the_expected_form()
    {
        var options = Valid();
        options.KioskId = "14-4171";
        Assert.Equal(["Edge:KioskId '14-4171' is not a kiosk id: expected 2-digit province, '-', 5-digit commune, e.g. 14-04171."], Failures(options));
    }

    [Fact]
    public void A_missing_password_names_both_settings()
    {
        var options = Valid();
        options.Mqtt.Password = null;
        var failure = Assert.Single(Failures(options));
        Assert.Contains("Edge:Mqtt:Password or Edge:Mqtt:PasswordFile is required", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_password_file_is_named()
    {
        var options = Valid();
        options.Mqtt.Password = null;
        options.Mqtt.PasswordFile = Path.Combine(_dir, "nope");
        Assert.Contains("does not exist", Assert.Single(Failures(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_device_mode_lists_the_allowed_values()
    {
        var options = Valid();
        options.Devices.Mode = "Real";
        Assert.Equal(["Edge:Devices:Mode 'Real' is not supported: allowed values are Simulated."], Failures(options));
    }

    [Fact]
    public void A_province_that_contradicts_the_kiosk_id_and_an_out_of_range_keepalive_are_reported_together()
    {
        var options = Valid();
        options.ProvinceCode = "01";
        options.Mqtt.KeepAliveSeconds = 2;
        var failures = Failures(options);
        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Edge:ProvinceCode '01' does not match", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Edge:Mqtt:KeepAliveSeconds 2 is out of range", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unwritable_data_directory_is_reported()
    {
        var options = Valid();
        options.DataDirectory = "/proc/tcd-edge";
        Assert.Contains(Failures(options), f => f.StartsWith("Edge:DataDirectory '/proc/tcd-edge' is not writable", StringComparison.Ordinal));
    }

    /// <summary>Options with TLS and this kiosk's client certificate, no password.</summary>
    private EdgeOptions WithClientCertificate(string commonName = "14-04171")
    {
        using var ca = TestCertificates.Ca("Fleet CA");
        using var client = TestCertificates.Client(ca, commonName);
        var (certificate, key) = TestCertificates.WritePem(client, _dir, "client");
        var caPath = Path.Combine(_dir, "fleet-ca.pem");
        File.WriteAllText(caPath, ca.ExportCertificatePem());
        var options = Valid();
        options.Mqtt = new EdgeMqttOptions { UseTls = true, Port = 8883, CaCertificatePath = caPath, ClientCertificatePath = certificate, ClientKeyPath = key };
        return options;
    }

    [Fact]
    public void A_client_certificate_with_this_kiosks_CN_makes_the_password_optional()
    {
        Assert.Empty(Failures(WithClientCertificate()));
    }

    [Fact]
    public void A_client_certificate_of_another_kiosk_is_named_with_both_ids()
    {
        var failure = Assert.Single(Failures(WithClientCertificate("14-09999")));
        Assert.Contains("belongs to kiosk '14-09999' (its CN), not to this kiosk '14-04171' (Edge:KioskId)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Certificate_settings_without_UseTls_ask_for_TLS()
    {
        var options = WithClientCertificate();
        options.Mqtt.UseTls = false;
        var failure = Assert.Single(Failures(options));
        Assert.StartsWith("Edge:Mqtt:CaCertificatePath, ClientCertificatePath and ClientKeyPath only work over TLS: set Edge:Mqtt:UseTls to true", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_without_its_key_and_a_missing_CA_file_are_both_named()
    {
        var options = WithClientCertificate();
        options.Mqtt.ClientKeyPath = null;
        options.Mqtt.CaCertificatePath = Path.Combine(_dir, "nope.pem");
        var failures = Failures(options);
        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Edge:Mqtt:ClientCertificatePath and Edge:Mqtt:ClientKeyPath go together", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith($"Edge:Mqtt:CaCertificatePath '{Path.Combine(_dir, "nope.pem")}' does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_that_is_not_PEM_and_a_CA_file_that_is_not_a_certificate_are_explained()
    {
        var options = WithClientCertificate();
        File.WriteAllText(options.Mqtt.ClientKeyPath!, "not a key");
        File.WriteAllText(options.Mqtt.CaCertificatePath!, "not a certificate");
        var failures = Failures(options);
        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.Contains("cannot be loaded as a PEM certificate with its private key", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("is not a PEM certificate", StringComparison.Ordinal));
    }

    [Fact]
    public void A_media_kiosk_without_an_SRT_passphrase_is_told_where_provisioning_puts_it()
    {
        var options = Valid();
        options.Media.Srt.Passphrase = null;
        Assert.Equal(
            ["Edge:Media:Srt:PassphraseFile is missing: provisioning writes this kiosk's SRT passphrase there (or set Edge:Media:Enabled to false for a kiosk without media)."],
            Failures(options));
        options.Media.Enabled = false;
        Assert.Empty(Failures(options));
    }

    [Fact]
    public void A_camera_named_by_its_unstable_video_number_is_refused_with_the_stable_alternative()
    {
        var options = Valid();
        options.Media.Source = EdgeMediaOptions.V4l2Source;
        options.Media.CameraDevice = "/dev/video0";
        options.Media.MicrophoneCard = "Device";
        var failure = Assert.Single(Failures(options));
        Assert.Contains("/dev/videoN changes between boots; use /dev/v4l/by-id/", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Media_typos_each_get_a_sentence_naming_the_key()
    {
        var options = Valid();
        options.Media.Source = "Webcam";
        options.Media.Encoder = "x264";
        options.Media.Fps = 0;
        options.Media.SegmentSeconds = 10;
        options.Media.Srt.Passphrase = "short";
        options.Media.Srt.KeyLengthBytes = 20;
        options.Media.Srt.LatencyMs = 50;
        options.Media.Store.LowDiskBytes = 1;
        var failures = Failures(options);
        foreach (var key in new[] { "Edge:Media:Source 'Webcam'", "Edge:Media:Encoder 'x264'", "Edge:Media:Fps is 0", "Edge:Media:SegmentSeconds is 10",
            "Edge:Media:Srt:Passphrase has 5 characters", "Edge:Media:Srt:KeyLengthBytes is 20", "Edge:Media:Srt:LatencyMs is 50", "Edge:Media:Store:LowDiskBytes" })
        {
            Assert.Contains(failures, f => f.StartsWith(key, StringComparison.Ordinal));
        }

        Assert.Equal(8, failures.Count);
    }

    [Theory]
    [InlineData(null, 9000, true)]
    [InlineData(0, 9000, true)]
    [InlineData(9101, 9000, true)]
    [InlineData(70000, 9000, false)]
    [InlineData(-1, 9000, false)]
    [InlineData(null, 65535, false)]
    public void The_officials_return_port_defaults_to_the_uplink_port_plus_one_and_zero_turns_it_off(int? returnPort, int port, bool valid)
    {
        var options = Valid();
        options.Media.Srt.Port = port;
        options.Media.Srt.ReturnPort = returnPort;
        var failures = Failures(options);
        if (valid)
        {
            Assert.Empty(failures);
        }
        else
        {
            Assert.Contains(failures, f => f.StartsWith("Edge:Media:Srt:ReturnPort", StringComparison.Ordinal) && f.Contains("Port + 1", StringComparison.Ordinal));
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
