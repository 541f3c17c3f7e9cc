namespace TiepCongDan.Edge.Options;

/// <summary>The rolling log file (section "Edge:Logging"); the console always logs too (journald under systemd).</summary>
public sealed class EdgeLoggingOptions
{
    /// <summary>Defaults to {DataDirectory}/logs/edge-.log (Serilog adds the date).</summary>
    public string? FilePath { get; set; }

    public long FileSizeLimitBytes { get; set; } = 10L * 1024 * 1024;

    public int RetainedFileCount { get; set; } = 5;
}
