namespace TiepCongDan.Hub.Archive;

/// <summary>The archive failed verification; the operation (export) was refused. Carries the report (API: 409).</summary>
public sealed class ArchiveTamperedException : Exception
{
    public ArchiveTamperedException(VerifyReport report)
        : base($"Session {report.Session} failed verification: " + string.Join("; ", report.Problems.Select(p => p.Message)))
    {
        Report = report;
    }

    public VerifyReport Report { get; }
}
