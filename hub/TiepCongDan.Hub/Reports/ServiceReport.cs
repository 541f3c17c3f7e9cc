namespace TiepCongDan.Hub.Reports;

/// <summary>A service report: its period (local dates), how it is grouped, its lines and the whole.</summary>
public sealed record ServiceReport(string From, string To, string GroupBy, IReadOnlyList<ServiceReportLine> Lines, ServiceReportLine Total);
