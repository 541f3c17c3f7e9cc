namespace TiepCongDan.Hub.Alerts;

/// <summary>Body of POST /api/alerts/{id}/ack: what the operator did or will do.</summary>
public sealed record AlertAckRequest(string? Comment);
