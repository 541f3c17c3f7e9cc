namespace TiepCongDan.Hub.Reports;

/// <summary>
/// One line of the service report (a province, or a commune when grouped by commune) for a period:
/// the numbers the seeds ask leaders for. Percentages are 0-100, null when nothing to count.
/// </summary>
public sealed record ServiceReportLine
{
    public required string Province { get; init; }

    /// <summary>Null on a province line.</summary>
    public string? Commune { get; init; }

    public required int Kiosks { get; init; }

    /// <summary>Reception hours in the period, per kiosk.</summary>
    public required double ReceptionHours { get; init; }

    /// <summary>Share of the kiosks' reception hours they were online and healthy (online with no absent or faulty device).</summary>
    public double? AvailabilityPercent { get; init; }

    /// <summary>Sessions opened at the kiosks (a citizen or staff started one).</summary>
    public required int SessionsStarted { get; init; }

    /// <summary>Sessions held: the citizen was live with the officials.</summary>
    public required int SessionsHeld { get; init; }

    public double? CardToLiveAverageMs { get; init; }

    /// <summary>Nearest-rank 95th percentile.</summary>
    public long? CardToLiveP95Ms { get; init; }

    public required int Rated { get; init; }

    /// <summary>Rated "very satisfied" or "satisfied".</summary>
    public required int Satisfied { get; init; }

    /// <summary>Satisfied / rated; the seeds' target is at least 95 %.</summary>
    public double? SatisfactionPercent { get; init; }

    /// <summary>Held sessions whose recording is complete and sealed in the archive.</summary>
    public required int ArchiveComplete { get; init; }

    public double? ArchiveCompletePercent { get; init; }
}
