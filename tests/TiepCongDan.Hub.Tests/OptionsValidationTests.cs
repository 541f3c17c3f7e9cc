using TiepCongDan.Hub.Cli;
using TiepCongDan.Hub.Options;

namespace TiepCongDan.Hub.Tests;

public sealed class OptionsValidationTests
{
    [Fact]
    public void Defaults_are_valid_and_loopback_only()
    {
        var options = new HubOptions();
        Assert.Empty(HubOptionsValidator.Check(options));
        Assert.Equal("http://127.0.0.1:8080", options.Http.Urls);
        Assert.Equal("127.0.0.1", options.Mqtt.Embedded.BindAddress);
        Assert.Equal(1883, options.Mqtt.Embedded.Port);
        Assert.Equal(65536, options.Mqtt.Embedded.MaxPayloadBytes);
    }

    [Fact]
    public void Plain_MQTT_on_every_interface_needs_the_explicit_flag()
    {
        var options = new HubOptions();
        options.Mqtt.Embedded.BindAddress = "0.0.0.0";
        var error = Assert.Single(HubOptionsValidator.Check(options));
        Assert.StartsWith("refusing to expose plain MQTT on 0.0.0.0: set Hub:Mqtt:Embedded:AllowNonLoopback=true or configure TLS", error);

        options.Mqtt.Embedded.AllowNonLoopback = true;
        Assert.Empty(HubOptionsValidator.Check(options));
    }

    [Fact]
    public void Plain_HTTP_on_a_public_address_needs_the_explicit_flag()
    {
        var options = new HubOptions();
        options.Http.Urls = "http://0.0.0.0:8080";
        Assert.Contains("refusing to expose plain HTTP on 0.0.0.0:8080: set Hub:Http:AllowNonLoopback=true", Assert.Single(HubOptionsValidator.Check(options)));

        options.Http.AllowNonLoopback = true;
        Assert.Empty(HubOptionsValidator.Check(options));
        options.Http.Urls = "https://127.0.0.1:8443";
        Assert.Contains("must start with http://", Assert.Single(HubOptionsValidator.Check(options)));
    }

    [Fact]
    public void Bad_values_name_the_key_and_the_fix()
    {
        var options = new HubOptions();
        options.Mqtt.Mode = "Cloud";
        options.Fleet.RevokedKiosks.Add("kiosk-7");
        options.Fleet.HistoryIntervalSeconds = 0;
        var errors = HubOptionsValidator.Check(options);
        Assert.Contains("Hub:Mqtt:Mode is 'Cloud': use Embedded (the hub's own broker) or External (e.g. Mosquitto).", errors);
        Assert.Contains(errors, e => e.Contains("Hub:Fleet:RevokedKiosks contains 'kiosk-7'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Hub:Fleet:HistoryIntervalSeconds is 0", StringComparison.Ordinal));

        var tls = new HubOptions();
        tls.Mqtt.Tls.CertificatePath = "/nonexistent/hub.pfx";
        Assert.Contains("Hub:Mqtt:Tls:CertificatePath '/nonexistent/hub.pfx' does not exist", Assert.Single(HubOptionsValidator.Check(tls)));
    }

    [Fact]
    public async Task The_exe_stops_with_one_line_on_stderr_and_exit_code_78()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tcd-hub-test-" + Guid.NewGuid().ToString("N"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = await CliRunner.RunAsync(["--Hub:DataDirectory=" + dir, "--Hub:Mqtt:Mode=Cloud"], stdout, stderr);

        Assert.Equal(78, code);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("tcd-hub: configuration error: Hub:Mqtt:Mode is 'Cloud': use Embedded (the hub's own broker) or External (e.g. Mosquitto).", line.TrimEnd('\r'));

        stderr = new StringWriter();
        code = await CliRunner.RunAsync(["serve", "--Hub:DataDirectory=" + dir, "--Hub:Mqtt:Embedded:Port=notaport"], stdout, stderr);
        Assert.Equal(78, code);
        Assert.Contains("Hub:Mqtt:Embedded:Port", stderr.ToString());
    }
}
