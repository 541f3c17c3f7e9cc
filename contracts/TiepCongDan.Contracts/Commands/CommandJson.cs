using System.Text.Encodings.Web;
using System.Text.Json;

namespace TiepCongDan.Contracts.Commands;

/// <summary>camelCase JSON with Vietnamese letters unescaped, on both sides.</summary>
public static class CommandJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
