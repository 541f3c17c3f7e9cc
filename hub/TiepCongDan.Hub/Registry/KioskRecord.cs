namespace TiepCongDan.Hub.Registry;

/// <summary>
/// The mutable state of one kiosk (one Sparkplug edge node). Not thread-safe by itself: every read
/// or write holds <see cref="Gate"/>; <see cref="KioskRegistry"/> and the ingest do that.
/// </summary>
public sealed class KioskRecord
{
    public KioskRecord(string kioskId, string province, string commune)
    {
        KioskId = kioskId;
        Province = province;
        Commune = commune;
    }

    public Lock Gate { get; } = new();

    public string KioskId { get; }

    public string Province { get; }

    public string Commune { get; set; }

    public bool Online { get; set; }

    /// <summary>True once an NBIRTH arrived in this hub process; data before that asks for a rebirth.</summary>
    public bool BornThisSession { get; set; }

    public DateTimeOffset? LastSeen { get; set; }

    public long? BdSeq { get; set; }

    public ulong LastSeq { get; set; }

    /// <summary>Aliases from the births, keyed by device ("" for the node) so a device reusing a node alias cannot be misread.</summary>
    public Dictionary<(string Scope, ulong Alias), MetricDefinition> Aliases { get; } = [];

    /// <summary>Latest value per metric name: bool, long, ulong, double, string, null, or a JsonElement loaded from the store.</summary>
    public Dictionary<string, object?> Metrics { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, DeviceState> Devices { get; } = new(StringComparer.Ordinal);

    public KioskSnapshot Snapshot() => new(
        KioskId, Province, Commune, Online, LastSeen, BdSeq,
        new Dictionary<string, object?>(Metrics, StringComparer.Ordinal),
        new Dictionary<string, DeviceState>(Devices, StringComparer.Ordinal));
}
