using System.Text.Json.Serialization;

namespace TiepCongDan.Edge.Update;

[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PendingUpdate))]
[JsonSerializable(typeof(UpdateConfirmation))]
[JsonSerializable(typeof(UpdateResult))]
internal sealed partial class UpdateJsonContext : JsonSerializerContext;
