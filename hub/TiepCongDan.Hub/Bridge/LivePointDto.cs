namespace TiepCongDan.Hub.Bridge;

/// <summary>One receiver of a live session in GET /api/live (state in lower case: connecting, connected, refused, closed).</summary>
public sealed record LivePointDto(
    string Receiver,
    string? Name,
    string Kind,
    string State,
    long BytesSent,
    double Kbps,
    double RttMs,
    double LossPercent,
    long Retransmits,
    long Drops,
    double AddedLatencyMs,
    int Connects,
    int? LastRejectCode)
{
    public static LivePointDto From(OutputStatus s, string? name)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Receiver, name, s.Kind.ToString().ToLowerInvariant(), s.State.ToString().ToLowerInvariant(), s.BytesSent,
            Math.Round(s.Kbps, 1), Math.Round(s.RttMs, 1), Math.Round(s.LossPercent, 2), s.Retransmits, s.Drops, Math.Round(s.AddedLatencyMs, 2), s.Connects, s.LastRejectCode);
    }
}
