namespace TiepCongDan.Hub.Bridge;

/// <summary>
/// Section "Hub:Media:Bridge": the hub's second SRT listener (points pulling sessions, officials
/// publishing their picture and voice, kiosks fetching it) and the forwarding to caller points.
/// Reception points themselves are "Hub:Media:Points".
/// </summary>
public sealed class BridgeOptions
{
    public const string SectionName = "Hub:Media:Bridge";

    /// <summary>
    /// SRT port points and kiosks call; 0 turns the listener off (caller points still work). Unset:
    /// the port after the ingest's (9001 beside the default 9000; off when the ingest is off), so
    /// hubs given their own ingest port get their own bridge port too.
    /// </summary>
    public int? Port { get; set; }

    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>Latency the bridge listener offers, ms (SRT uses the larger of both sides).</summary>
    public int LatencyMs { get; set; } = 120;

    /// <summary>Messages (1316 bytes each) held per output before the oldest is dropped: 2048 ≈ 10 s at 2 Mbit/s.</summary>
    public int QueueMessages { get; set; } = 2048;

    /// <summary>First reconnect delay to a caller point; doubles per failure up to <see cref="ReconnectMaxMs"/>, full jitter.</summary>
    public int ReconnectMinMs { get; set; } = 500;

    public int ReconnectMaxMs { get; set; } = 15000;

    /// <summary>"grid" (xstack) or "pip" (first official full screen, the others small on top).</summary>
    public string ComposeLayout { get; set; } = "grid";

    public int ComposeWidth { get; set; } = 640;

    public int ComposeHeight { get; set; } = 360;

    public int ComposeVideoKbps { get; set; } = 1200;

    /// <summary>The ffmpeg program that composes several officials (Debian's ffmpeg).</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";
}
