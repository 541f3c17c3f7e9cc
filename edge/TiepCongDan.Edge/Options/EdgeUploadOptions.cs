namespace TiepCongDan.Edge.Options;

/// <summary>Filling the hub's archive from the local copy (section "Edge:Media:Upload").</summary>
public sealed class EdgeUploadOptions
{
    /// <summary>The hub's HTTPS base address, e.g. https://hub.tinh14.example; defaults to http://{Edge:Mqtt:Host}:8080.</summary>
    public string? HubUrl { get; set; }

    /// <summary>PEM CA the hub's HTTPS certificate chains to; defaults to Edge:Mqtt:CaCertificatePath.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>0 = no limit. A limit keeps uploads from starving a live session on a thin link.</summary>
    public long MaxBytesPerSecond { get; set; }

    public int RetryMinDelayMs { get; set; } = 1000;

    public int RetryMaxDelayMs { get; set; } = 60000;
}
