using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Screen;

namespace TiepCongDan.Edge.Tests.Screen;

/// <summary>"Edge:Screen" checked at start: loopback only, sane port and timeout, a known language and display method.</summary>
public sealed class EdgeScreenOptionsValidator_Tests
{
    private readonly EdgeScreenOptionsValidator _validator = new();

    [Fact]
    public void The_defaults_pass()
    {
        var options = new EdgeScreenOptions { Enabled = true };
        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal("127.0.0.1", options.Address);
        Assert.Equal(300, options.IdleOffSeconds);
        Assert.Equal("vi", options.Language);
        Assert.Equal("none", options.DisplayPower);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.20")]
    [InlineData("::")]
    [InlineData("localhost")]
    [InlineData("")]
    public void Any_address_but_127_0_0_1_is_refused_with_the_reason(string address)
    {
        var result = _validator.Validate(null, new EdgeScreenOptions { Enabled = true, Address = address });
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith($"Edge:Screen:Address is '{address}': the kiosk page is served on 127.0.0.1 only", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_server_refuses_a_network_address_even_when_built_without_the_host()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => new KioskScreenServer(Microsoft.Extensions.Options.Options.Create(new EdgeScreenOptions { Address = "0.0.0.0" })));
        Assert.Contains("Edge:Screen:Address is '0.0.0.0'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_wrong_value_gets_its_own_sentence_naming_the_key()
    {
        var result = _validator.Validate(null, new EdgeScreenOptions
        {
            Enabled = true,
            Port = 80,
            IdleOffSeconds = 0,
            Language = "fr",
            DisplayPower = "hdmi-cec",
        });
        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("Edge:Screen:Port is 80", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Edge:Screen:IdleOffSeconds is 0", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Edge:Screen:Language is 'fr'", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Edge:Screen:DisplayPower is 'hdmi-cec': use one of none, wlr-randr, xset, vcgencmd", StringComparison.Ordinal));
    }

    [Fact]
    public void Wlr_randr_needs_an_output_name()
    {
        var result = _validator.Validate(null, new EdgeScreenOptions { Enabled = true, DisplayPower = "wlr-randr", DisplayOutput = "HDMI A 1; reboot" });
        Assert.StartsWith("Edge:Screen:DisplayOutput is 'HDMI A 1; reboot'", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void A_disabled_screen_is_not_checked()
    {
        Assert.True(_validator.Validate(null, new EdgeScreenOptions { Enabled = false, Address = "0.0.0.0" }).Succeeded);
    }
}
