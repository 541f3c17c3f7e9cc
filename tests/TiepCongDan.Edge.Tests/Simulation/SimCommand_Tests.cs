using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Edge.Service;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Simulation;

/// <summary>`tcd-edge sim`, run in-process: parsing and exit codes against a live console, and with nothing listening.</summary>
public sealed class SimCommand_Tests
{
    [Theory]
    [InlineData("sim")]
    [InlineData("sim dance")]
    [InlineData("sim state now")]
    [InlineData("sim card")]
    [InlineData("sim card --qr")]
    [InlineData("sim card --qr A --can 123456")]
    [InlineData("sim card --pin 1234")]
    [InlineData("sim button staff")]
    [InlineData("sim button staff wiggle")]
    [InlineData("sim button staff click --ms 100")]
    [InlineData("sim button staff hold --ms 0")]
    [InlineData("sim camera explode")]
    [InlineData("sim microphone")]
    [InlineData("sim --port 99999 state")]
    [InlineData("sim --port abc state")]
    public async Task Wrong_commands_print_the_usage_and_exit_2(string command)
    {
        var (code, output, error) = await RunAsync(command, port: 1);

        Assert.Equal(SimCommandExitCodes.Usage, code);
        Assert.Empty(output);
        Assert.Contains("tcd-edge sim [--port N]", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sim help")]
    [InlineData("sim --help")]
    public async Task Help_prints_the_usage_and_exits_0(string command)
    {
        var (code, output, _) = await RunAsync(command, port: 1);

        Assert.Equal(SimCommandExitCodes.Ok, code);
        Assert.Contains("button ROLE click|press|release|hold", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Citizens_lists_the_built_in_citizens_with_QR_and_MRZ_without_a_kiosk()
    {
        var (code, output, _) = await RunAsync("sim citizens", port: 1);

        Assert.Equal(SimCommandExitCodes.Ok, code);
        Assert.Contains("an: Nguyễn Văn An", output, StringComparison.Ordinal);
        Assert.Contains("QR:  " + Edge.Simulation.SimulatedCitizens.Binh.Card.QrText, output, StringComparison.Ordinal);
        Assert.Contains(Edge.Simulation.SimulatedCitizens.Dung.Card.MrzText.Split('\n')[2], output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Against_a_live_console_actions_exit_0_and_refusals_exit_3_with_the_kiosk_error()
    {
        await using var rig = await SimulationRig.StartAsync();

        var state = await RunAsync("sim state", rig.Port);
        Assert.Equal(SimCommandExitCodes.Ok, state.Code);
        Assert.Contains("\"state\": \"Idle\"", state.Output, StringComparison.Ordinal);

        var card = await RunAsync("sim card --citizen an", rig.Port);
        Assert.Equal(SimCommandExitCodes.Ok, card.Code);
        Assert.Contains("Nguyễn Văn An", card.Output, StringComparison.Ordinal);
        Assert.Equal([CardSignalKind.CardInserted, CardSignalKind.QrScanned], rig.DrainSignals().Select(s => s.Kind));

        var qr = await RunAsync(["sim", "qr", "001090012345||Nguyễn Văn An|14031990|Nam|X|10062021"], rig.Port);
        Assert.Equal(SimCommandExitCodes.Ok, qr.Code);
        Assert.Equal("001090012345||Nguyễn Văn An|14031990|Nam|X|10062021", Assert.Single(rig.DrainSignals()).Text);

        var hold = await RunAsync($"sim --port {rig.Port} button staff hold --ms {SimulationRig.LongPressMs + 400}", port: 1);
        Assert.Equal(SimCommandExitCodes.Ok, hold.Code);
        Assert.Contains("LongPress", hold.Output, StringComparison.Ordinal);

        Assert.Equal(SimCommandExitCodes.Ok, (await RunAsync("sim camera unplug", rig.Port)).Code);
        Assert.Equal(SimCommandExitCodes.Ok, (await RunAsync("sim microphone silence", rig.Port)).Code);
        Assert.Equal(SimCommandExitCodes.Ok, (await RunAsync("sim card --remove", rig.Port)).Code);

        var bad = await RunAsync("sim card --mrz NOT-AN-MRZ", rig.Port);
        Assert.Equal(SimCommandExitCodes.Refused, bad.Code);
        Assert.Contains("HTTP 400", bad.Error, StringComparison.Ordinal);
        Assert.Contains("invalid mrz", bad.Error, StringComparison.Ordinal);

        var nobody = await RunAsync("sim card --citizen nobody", rig.Port);
        Assert.Equal(SimCommandExitCodes.Refused, nobody.Code);
        Assert.Contains("no built-in citizen 'nobody'", nobody.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_real_device_refusal_is_exit_3()
    {
        await using var rig = await SimulationRig.StartAsync(new() { ["Edge:Buttons:Enabled"] = "false" });

        var (code, _, error) = await RunAsync("sim button satisfied click", rig.Port);

        Assert.Equal(SimCommandExitCodes.Refused, code);
        Assert.Contains("HTTP 409", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_console_listening_it_exits_4_and_says_what_to_check()
    {
        var (code, output, error) = await RunAsync("sim state", FreePort.Next());

        Assert.Equal(SimCommandExitCodes.Unreachable, code);
        Assert.Empty(output);
        Assert.Contains("is tcd-edge running with Edge:Simulation:Enabled=true?", error, StringComparison.Ordinal);
    }

    private static Task<(int Code, string Output, string Error)> RunAsync(string command, int port) =>
        RunAsync(command.Split(' '), port);

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args, int port)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SimCommand.RunAsync(args, output, error, port, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
