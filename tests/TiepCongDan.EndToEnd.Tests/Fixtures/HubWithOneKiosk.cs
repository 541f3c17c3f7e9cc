namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// A hub and one online kiosk shared by the facts of one test class (xunit class fixture), for
/// checks that do not disturb the kiosk and so need not pay for their own processes.
/// </summary>
public sealed class HubWithOneKiosk : IAsyncLifetime
{
    public const string Kiosk = "79-26734";

    public HubProcess Hub { get; private set; } = null!;

    public EdgeProcess Edge { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Hub = await HubProcess.StartAsync(cancellationToken: cts.Token);
        Edge = EdgeProcess.Start(Kiosk, Hub);
        await Edge.WaitOnHubAsync(Hub, d => d.Online, TimeSpan.FromSeconds(45), "online", cts.Token);
    }

    public async Task DisposeAsync()
    {
        if (Edge is not null)
        {
            await Edge.DisposeAsync();
        }

        if (Hub is not null)
        {
            await Hub.DisposeAsync();
        }
    }
}
