using System.Text.Json.Serialization;

namespace TiepCongDan.Edge.Devices.Simulated;

/// <summary>One entry of simulated-devices.json: <c>{"status":"faulty","reason":"...","detached":false}</c>.</summary>
public sealed class SimulatedDeviceState
{
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>True: the port is gone altogether (DDEATH), as when an adapter is unplugged.</summary>
    [JsonPropertyName("detached")]
    public bool Detached { get; set; }
}
