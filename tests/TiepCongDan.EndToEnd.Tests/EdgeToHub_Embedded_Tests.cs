using TiepCongDan.EndToEnd.Tests.Fixtures;
using TiepCongDan.EndToEnd.Tests.Scenarios;

namespace TiepCongDan.EndToEnd.Tests;

/// <summary>A real kiosk process and a real hub process over the hub's embedded MQTT broker.</summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class EdgeToHub_Embedded_Tests
{
    [Fact]
    public async Task Birth_data_and_command_round_trip_over_the_embedded_broker()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await using var hub = await HubProcess.StartAsync(cancellationToken: cts.Token);
        await using var edge = EdgeProcess.Start("14-04171", hub);

        await EdgeToHubScenario.RunAsync(hub, edge, () => edge.Describe(), cts.Token);
    }
}
