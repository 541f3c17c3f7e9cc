using System.Text.Json;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests.OperatorConsole;

/// <summary>What the console tests read from the hub's API beside the page (as the admin).</summary>
public static class ConsoleApi
{
    /// <summary>Waits until the kiosk has an open alert of the rule; returns the alert's JSON.</summary>
    public static Task<JsonElement> WaitForOpenAlertAsync(HubProcess hub, string kioskId, string rule, CancellationToken cancellationToken) =>
        Poll.UntilAsync(
            async ct => await GetAsync(hub, $"/api/alerts?kiosk={kioskId}&rule={rule}&state=open", ct),
            list => list.GetArrayLength() > 0,
            TimeSpan.FromSeconds(30), $"an open {rule} alert on {kioskId}", hub.Describe, cancellationToken: cancellationToken)
            .ContinueWith(t => t.Result[0], cancellationToken, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);

    /// <summary>Waits until the hub keeps at least <paramref name="points"/> history samples of the kiosk.</summary>
    public static Task<JsonElement> WaitForHistoryAsync(HubProcess hub, string kioskId, int points, CancellationToken cancellationToken) =>
        Poll.UntilAsync(
            async ct => await GetAsync(hub, $"/api/devices/{kioskId}/history", ct),
            list => list.GetArrayLength() >= points,
            TimeSpan.FromSeconds(30), $"{points} history samples of {kioskId}", hub.Describe, cancellationToken: cancellationToken);

    public static async Task<JsonElement> GetAsync(HubProcess hub, string path, CancellationToken cancellationToken)
    {
        using var client = hub.CreateClient(withCredentials: true);
        using var response = await client.GetAsync(path, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.Clone();
    }
}
