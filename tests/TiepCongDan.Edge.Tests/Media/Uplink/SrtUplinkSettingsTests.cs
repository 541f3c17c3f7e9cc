using TiepCongDan.Edge.Media.Uplink;

namespace TiepCongDan.Edge.Tests.Media.Uplink;

public sealed class SrtUplinkSettingsTests
{
    [Theory]
    [InlineData(null, 120)]
    [InlineData(10, 120)]
    [InlineData(30, 120)]
    [InlineData(75, 300)]
    [InlineData(400, 1600)]
    public void Latency_is_four_round_trips_and_never_below_120_ms(int? rttMs, int expected) =>
        Assert.Equal(expected, SrtUplink.DeriveLatencyMs(rttMs is null ? null : TimeSpan.FromMilliseconds(rttMs.Value)));

    [Fact]
    public void A_short_passphrase_is_refused_at_start()
    {
        var settings = UplinkTestKit.Settings(9000, passphrase: "short");
        var e = Assert.Throws<ArgumentException>(settings.Validate);
        Assert.Contains("10-79", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_host_is_refused_at_start()
    {
        var settings = UplinkTestKit.Settings(9000);
        settings.Host = "";
        Assert.Throws<ArgumentException>(settings.Validate);
    }

    [Fact]
    public void Defaults_are_valid_once_the_identity_is_set()
    {
        var settings = new SrtUplinkSettings { Host = "hub.example", KioskId = "14-04171", SessionId = "s-1234567", Passphrase = UplinkTestKit.Secret };
        settings.Validate();
        Assert.Equal(32, settings.KeyLengthBytes);
        Assert.Null(settings.LatencyMs);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.StatsInterval);
    }
}
