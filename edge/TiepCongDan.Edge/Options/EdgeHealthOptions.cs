namespace TiepCongDan.Edge.Options;

/// <summary>Health sampling and reporting (section "Edge:Health").</summary>
public sealed class EdgeHealthOptions
{
    /// <summary>Seconds between samples; changed metrics go out as NDATA after each sample.</summary>
    public int SampleIntervalSeconds { get; set; } = 5;

    /// <summary>Seconds between full reports (an NDATA with every metric, changed or not).</summary>
    public int ReportIntervalSeconds { get; set; } = 60;

    /// <summary>The partition whose free space is reported; defaults to the data directory.</summary>
    public string? DataPartitionPath { get; set; }

    /// <summary>Free bytes below which the disk is logged as low (0 = no warning).</summary>
    public long LowDiskBytes { get; set; } = 500L * 1024 * 1024;
}
