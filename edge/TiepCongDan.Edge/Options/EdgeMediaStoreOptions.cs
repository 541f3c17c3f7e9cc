namespace TiepCongDan.Edge.Options;

/// <summary>The encrypted local copy of every session (section "Edge:Media:Store").</summary>
public sealed class EdgeMediaStoreOptions
{
    /// <summary>Defaults to {DataDirectory}/media.</summary>
    public string? Directory { get; set; }

    /// <summary>The kiosk's 32-byte media key from provisioning; defaults to {DataDirectory}/keys/media.key (created when missing).</summary>
    public string? KeyPath { get; set; }

    /// <summary>Below this much free space the kiosk raises the low-storage alarm.</summary>
    public long LowDiskBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Below this much free space capture stops: unconfirmed media is never deleted to make room.</summary>
    public long ReserveBytes { get; set; } = 256L * 1024 * 1024;
}
