namespace TiepCongDan.Hub.Bridge;

/// <summary>The last once-a-second reading of an output's SRT link (immutable, swapped whole).</summary>
internal sealed record OutputSample(double Kbps, double RttMs, double LossPercent, long Retransmits, double AddedLatencyMs);
