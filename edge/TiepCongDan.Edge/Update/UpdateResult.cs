namespace TiepCongDan.Edge.Update;

/// <summary>The guard's last outcome (update-result.json in the data directory), for the edge to report.</summary>
public sealed record UpdateResult(string Id, string Version, string? PreviousVersion, GuardOutcome Outcome, DateTimeOffset At);
