using System.Globalization;
using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Edge.Service;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Simulation;

/// <summary>The real tcd-edge binary dispatches `sim` before the service is configured: no MQTT password, no kiosk id needed.</summary>
public sealed class SimProcess_Tests
{
    [Fact]
    public async Task The_binary_runs_sim_commands_with_their_exit_codes()
    {
        await using var rig = await SimulationRig.StartAsync();
        var port = rig.Port.ToString(CultureInfo.InvariantCulture);

        var (usage, _, usageErrors) = await RunAsync("sim");
        Assert.Equal(SimCommandExitCodes.Usage, usage);
        Assert.Contains("tcd-edge sim [--port N]", usageErrors, StringComparison.Ordinal);

        var (card, cardOutput, _) = await RunAsync("sim", "--port", port, "card", "--citizen", "dung");
        Assert.Equal(SimCommandExitCodes.Ok, card);
        Assert.Contains("Phạm Thị Dung", cardOutput, StringComparison.Ordinal);
        Assert.Equal([CardSignalKind.CardInserted, CardSignalKind.QrScanned], rig.DrainSignals().Select(s => s.Kind));

        var (down, _, downErrors) = await RunAsync("sim", "--port", FreePort.Next().ToString(CultureInfo.InvariantCulture), "state");
        Assert.Equal(SimCommandExitCodes.Unreachable, down);
        Assert.Contains("is tcd-edge running with Edge:Simulation:Enabled=true?", downErrors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_naming_another_host_is_refused_and_does_nothing()
    {
        await using var rig = await SimulationRig.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "sim/card") { Content = new StringContent("""{"citizen":"an"}""") };
        request.Headers.Host = "attacker.example";

        using var response = await rig.Http.SendAsync(request);

        Assert.NotEqual(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(rig.DrainSignals());
        Assert.Equal("absent", (string?)(await rig.SendAsync(HttpMethod.Get, "/sim/state")).Body["card"]);
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var edge = new EdgeProcess(args);
        var code = await edge.WaitForExitAsync(TimeSpan.FromSeconds(45));
        // The output readers finish just after the exit.
        await Task.Delay(200);
        return (code, string.Join('\n', edge.Output), string.Join('\n', edge.Errors));
    }
}
