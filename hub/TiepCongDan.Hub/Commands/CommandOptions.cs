namespace TiepCongDan.Hub.Commands;

/// <summary>"Hub:Commands": how long the hub waits for a kiosk's answer and keeps what it uploaded.</summary>
public sealed class CommandOptions
{
    public const string SectionName = "Hub:Commands";

    /// <summary>Quick commands (ping, rebirth, restart-media, screenshot, camera-still, sessions): answer within this or "timeout".</summary>
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>Slow commands (selftest, collect-logs, and restart-service or reboot until the kiosk's next birth).</summary>
    public int SlowTimeoutSeconds { get; set; } = 900;

    /// <summary>Screenshots, stills and log bundles are deleted this long after they arrived (personal data).</summary>
    public double ArtifactRetentionHours { get; set; } = 24;

    /// <summary>How often timeouts, restarts and expired artifacts are looked at.</summary>
    public int SweepIntervalMs { get; set; } = 1000;

    /// <summary>Where artifacts are kept (encrypted); empty = {DataDirectory}/command-artifacts.</summary>
    public string? ArtifactDirectory { get; set; }
}
