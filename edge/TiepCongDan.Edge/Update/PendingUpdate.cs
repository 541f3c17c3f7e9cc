namespace TiepCongDan.Edge.Update;

/// <summary>The pending-update marker (/opt/tcd-edge/pending-update.json).</summary>
public sealed record PendingUpdate(
    string Id,
    string Version,
    string? PreviousVersion,
    DateTimeOffset StartedAt,
    DateTimeOffset Deadline,
    PendingUpdateState State);
