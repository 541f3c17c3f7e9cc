namespace TiepCongDan.Hub.Options;

/// <summary>Section "Hub:Media:Ingest": the SRT listener every kiosk calls.</summary>
public sealed class IngestOptions
{
    /// <summary>0 disables the ingest (a hub for health only).</summary>
    public int Port { get; set; } = 9000;

    /// <summary>Address to bind; SRT is encrypted per kiosk, so every interface is the normal choice.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>The hub's receive latency in ms; SRT uses the larger of the kiosk's and this.</summary>
    public int LatencyMs { get; set; } = 120;

    /// <summary>Sessions accepted at once; the next caller is refused with a clear code.</summary>
    public int MaxSessions { get; set; } = 64;
}
