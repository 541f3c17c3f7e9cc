namespace TiepCongDan.Edge.Update;

/// <summary>What the healthy new edge writes to its data directory: which update it confirms.</summary>
public sealed record UpdateConfirmation(string Id, string Version, DateTimeOffset ConfirmedAt);
