using System.Net.Http.Json;
using System.Text.Json;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Commands;

/// <summary>The calls the command tests make of the hub: as an operator, and as a kiosk with its own credentials.</summary>
internal static class CommandHubClients
{
    public static async Task<(System.Net.HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string kioskId, object body)
    {
        using var response = await client.PostAsJsonAsync($"/api/devices/{kioskId}/commands", body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text.Length == 0 ? "{}" : text).RootElement.Clone());
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string commandId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/commands/{commandId}"));

    /// <summary>Polls the command until its state is not "sent" (or the time is up) and returns it.</summary>
    public static async Task<JsonElement> FinishedAsync(HttpClient client, string commandId, int timeoutMs = 30_000)
    {
        var last = default(JsonElement);
        await Eventually.True(async () =>
        {
            last = await GetAsync(client, commandId);
            return last.GetProperty("state").GetString() != "sent";
        }, $"command {commandId} to finish", timeoutMs);
        return last;
    }
}
