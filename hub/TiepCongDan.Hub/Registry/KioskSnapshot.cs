namespace TiepCongDan.Hub.Registry;

/// <summary>An immutable copy of one kiosk's state, safe to hand to the API, the page and the store.</summary>
public sealed record KioskSnapshot(
    string DeviceId,
    string Province,
    string Commune,
    bool Online,
    DateTimeOffset? LastSeen,
    long? BdSeq,
    IReadOnlyDictionary<string, object?> Metrics,
    IReadOnlyDictionary<string, DeviceState> Devices);
