using System.Text.Json;

namespace TiepCongDan.Hub.Storage;

/// <summary>Conversions of stored metric values (CLR values or JSON loaded from SQLite).</summary>
public static class MetricValues
{
    public static double? ToDouble(object? value) => value switch
    {
        null => null,
        double d => d,
        float f => f,
        long l => l,
        ulong u => u,
        int i => i,
        uint u => u,
        bool b => b ? 1 : 0,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        _ => null,
    };

    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt64(out var l) => l,
        JsonValueKind.Number => element.GetDouble(),
        _ => null,
    };
}
