using System.Text.Json.Serialization;

namespace TiepCongDan.Contracts.Fleet;

/// <summary>The primary host's retained STATE payload (Sparkplug B 3.0, JSON).</summary>
public sealed record HostState(
    [property: JsonPropertyName("online")] bool Online,
    [property: JsonPropertyName("timestamp")] long Timestamp);
