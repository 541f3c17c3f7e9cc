using System.Text.Json.Serialization;

namespace TiepCongDan.Edge.Screen;

/// <summary>The page's JSON: camelCase, states by name ("Live"), absent values left out. Source-generated (trim-safe on the kiosk).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KioskScreenState))]
internal sealed partial class KioskScreenJsonContext : JsonSerializerContext;
