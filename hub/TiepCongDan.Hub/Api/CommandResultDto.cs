namespace TiepCongDan.Hub.Api;

/// <summary>What a command request sent (202 Accepted: the kiosk acts on it asynchronously).</summary>
public sealed record CommandResultDto(string DeviceId, string Command, string Topic, string Metric, bool Value, string SentAt);
