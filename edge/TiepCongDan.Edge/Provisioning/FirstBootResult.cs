namespace TiepCongDan.Edge.Provisioning;

/// <summary>What first boot did: the kiosk, whether it installed now or found itself installed, and whether the hub confirmed enrolment.</summary>
public sealed record FirstBootResult(string KioskId, bool Installed, bool Enrolled, string? EnrollProblem);
