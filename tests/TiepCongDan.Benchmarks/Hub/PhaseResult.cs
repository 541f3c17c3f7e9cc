namespace TiepCongDan.Benchmarks.Hub;

/// <summary>
/// One measured phase (the hub, or the srt-live-transmit relays) at one number of streams: CPU of
/// what is measured (% of one core) and of the bench itself (senders and sinks), what the senders
/// sent, and each receiving path's latency and loss.
/// </summary>
public sealed record PhaseResult(
    int Streams,
    double CpuPercent,
    double BenchCpuPercent,
    double WallSeconds,
    double SentKbpsPerStream,
    double MaxSenderLagMs,
    IReadOnlyList<string> SenderFailures,
    IReadOnlyList<PathResult> Paths,
    double Load0,
    double Load1)
{
    public double CpuPerStream => CpuPercent / Math.Max(1, Streams);
}
