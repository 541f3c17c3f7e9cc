using System.Text.Json;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>GET /sim/state of a kiosk: the reception state by name, the open session's id, and the whole answer for failure messages.</summary>
public sealed record SimState(string State, string? SessionId, string Json)
{
    public static SimState Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var state = root.TryGetProperty("state", out var s) && s.ValueKind == JsonValueKind.String
            ? s.GetString()!
            : throw new InvalidOperationException($"GET /sim/state answered without a \"state\": {json}");
        var session = root.TryGetProperty("sessionId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        return new SimState(state, session, json);
    }

    public override string ToString() => Json;
}
