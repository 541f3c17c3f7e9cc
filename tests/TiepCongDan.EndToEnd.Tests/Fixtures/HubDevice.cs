using System.Globalization;
using System.Text.Json;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// One item of GET /api/devices, read leniently (the raw JSON is kept) so the tests depend only
/// on the documented fields: deviceId, province, online, lastSeen, bdSeq and metrics.
/// </summary>
public sealed record HubDevice(string DeviceId, string? Province, bool Online, DateTimeOffset? LastSeen, long? BdSeq, JsonElement Raw)
{
    public static HubDevice Parse(JsonElement item)
    {
        var id = item.TryGetProperty("deviceId", out var d) ? d.GetString() ?? string.Empty : string.Empty;
        var province = item.TryGetProperty("province", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var online = item.TryGetProperty("online", out var o) && o.ValueKind == JsonValueKind.True;
        DateTimeOffset? lastSeen = item.TryGetProperty("lastSeen", out var l) && l.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(l.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var seen)
            ? seen
            : null;
        long? bdSeq = item.TryGetProperty("bdSeq", out var b) && b.ValueKind == JsonValueKind.Number ? b.GetInt64() : null;
        return new HubDevice(id, province, online, lastSeen, bdSeq, item.Clone());
    }

    /// <summary>The latest metrics object (name → value or name → object), or an empty object.</summary>
    public JsonElement Metrics => Raw.TryGetProperty("metrics", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;

    public int MetricCount => Metrics.ValueKind == JsonValueKind.Object ? Metrics.EnumerateObject().Count() : 0;

    public bool HasMetric(string name) => Metrics.ValueKind == JsonValueKind.Object && Metrics.TryGetProperty(name, out _);

    /// <summary>A metric's value as text, whether the hub stores it bare or as {"value": ...}.</summary>
    public string? MetricText(string name)
    {
        if (Metrics.ValueKind != JsonValueKind.Object || !Metrics.TryGetProperty(name, out var metric))
        {
            return null;
        }

        if (metric.ValueKind == JsonValueKind.Object && metric.TryGetProperty("value", out var inner))
        {
            metric = inner;
        }

        return metric.ValueKind == JsonValueKind.String ? metric.GetString() : metric.GetRawText();
    }

    public override string ToString() => Raw.ValueKind == JsonValueKind.Undefined ? DeviceId : Raw.GetRawText();
}
