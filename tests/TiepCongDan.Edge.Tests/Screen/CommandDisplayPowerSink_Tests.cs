using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Screen;

namespace TiepCongDan.Edge.Tests.Screen;

/// <summary>The program-running display sink, with /bin/sh standing in for wlr-randr, and the methods the options name.</summary>
public sealed class CommandDisplayPowerSink_Tests
{
    [Fact]
    public void A_program_that_succeeds_switches_without_complaint_and_a_refusal_carries_its_exit_code_and_message()
    {
        var sink = new CommandDisplayPowerSink("sh", "dash", ["-c", "exit 0"], ["-c", "echo 'no output named HDMI-A-1' >&2; exit 3"]);
        sink.SetPower(true);
        var ex = Assert.Throws<DisplayPowerException>(() => sink.SetPower(false));
        Assert.Contains("exit code 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no output named HDMI-A-1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_program_names_the_debian_package()
    {
        var sink = new CommandDisplayPowerSink("tcd-no-such-wlr-randr", "wlr-randr", ["--on"], ["--off"]);
        var ex = Assert.Throws<DisplayPowerException>(() => sink.SetPower(true));
        Assert.Contains("apt-get install wlr-randr", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wlr-randr", "wlr-randr --output HDMI-A-2 --on", "wlr-randr --output HDMI-A-2 --off")]
    [InlineData("xset", "xset dpms force on", "xset dpms force off")]
    [InlineData("vcgencmd", "vcgencmd display_power 1", "vcgencmd display_power 0")]
    public void Each_method_runs_its_command(string method, string on, string off)
    {
        var sink = Assert.IsType<CommandDisplayPowerSink>(DisplayPowerSinks.Create(new EdgeScreenOptions { DisplayPower = method, DisplayOutput = "HDMI-A-2" }));
        Assert.Equal(on, sink.Describe(true));
        Assert.Equal(off, sink.Describe(false));
    }

    [Fact]
    public void None_switches_nothing()
    {
        var sink = DisplayPowerSinks.Create(new EdgeScreenOptions { DisplayPower = "none" });
        sink.SetPower(false);
        Assert.IsType<LoggingDisplayPowerSink>(sink);
    }
}
