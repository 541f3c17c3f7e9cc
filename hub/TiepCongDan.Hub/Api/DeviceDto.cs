using System.Globalization;
using TiepCongDan.Hub.Registry;

namespace TiepCongDan.Hub.Api;

/// <summary>The JSON form of one kiosk in /api/devices and the page's events.</summary>
public sealed record DeviceDto(
    string DeviceId,
    string Province,
    string Commune,
    bool Online,
    string? LastSeen,
    long? BdSeq,
    IReadOnlyDictionary<string, object?> Metrics,
    IReadOnlyDictionary<string, DeviceState> Devices)
{
    public static DeviceDto From(KioskSnapshot k) => new(
        k.DeviceId, k.Province, k.Commune, k.Online, Iso(k.LastSeen), k.BdSeq, k.Metrics, k.Devices);

    public static string? Iso(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
