using TiepCongDan.Edge.Options;

namespace TiepCongDan.Edge.Tests.Options;

public sealed class EdgeOptionsValidator_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-options-").FullName;

    private EdgeOptions Valid() => new()
    {
        KioskId = "14-04171",
        DataDirectory = Path.Combine(_dir, "data"),
        Mqtt = new EdgeMqttOptions { Password = "p" },
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

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
