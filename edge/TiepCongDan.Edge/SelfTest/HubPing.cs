namespace TiepCongDan.Edge.SelfTest;

/// <summary>One ping of the hub: the round trip and the hub's clock minus ours (null when the hub did not say its time).</summary>
public sealed record HubPing(TimeSpan RoundTrip, long? ClockOffsetMs);
