using System.Globalization;
using TiepCongDan.Edge.Media.Uplink;

namespace TiepCongDan.Edge.Media.Adaptation;

/// <summary>
/// Chooses the encoder rung from the SRT link samples, with hysteresis: quick to step down one
/// rung when the link is congested (at most once per DownCooldown), slow to step up (UpHold of
/// healthy samples and enough estimated bandwidth for the next rung). Samples taken while
/// disconnected change nothing: without a link there is nothing to measure, and the local
/// recording, which matters most, should keep its quality.
/// Thread-safe: <see cref="Observe"/> from the sampling thread, properties from any thread.
/// </summary>
public sealed class AdaptationController
{
    private readonly BitrateLadder ladder;
    private readonly AdaptationSettings settings;
    private readonly TimeProvider time;
    private readonly object gate = new();
    private readonly Queue<(DateTimeOffset At, SrtLinkSample Sample)> window = new();
    private int index;
    private DateTimeOffset? lastDown;
    private DateTimeOffset? healthySince;
    private AdaptationDecision? lastDecision;

    public AdaptationController(BitrateLadder ladder, AdaptationSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (settings.StartIndex >= ladder.Count)
        {
            throw new ArgumentException($"Bitrate adaptation: StartIndex {settings.StartIndex} is beyond the ladder's {ladder.Count} rungs.", nameof(settings));
        }

        this.ladder = ladder;
        this.settings = settings;
        this.time = time ?? throw new ArgumentNullException(nameof(time));
        index = settings.StartIndex;
    }

    public int CurrentIndex
    {
        get
        {
            lock (gate)
            {
                return index;
            }
        }
    }

    public LadderRung CurrentRung => ladder[CurrentIndex];

    public AdaptationDecision? LastDecision
    {
        get
        {
            lock (gate)
            {
                return lastDecision;
            }
        }
    }

    /// <summary>Takes one sample; returns the switch to make now, or null to stay.</summary>
    public AdaptationDecision? Observe(SrtLinkSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (!sample.Connected || !sample.PeerHeard)
            {
                // Hold the rung; what was measured before the cut says nothing about the next connection.
                // A silent peer (no ACK at all) is a cut in progress that SRT has not declared yet:
                // stepping down would restart the encoder, and that costs the recording a gap.
                window.Clear();
                healthySince = null;
                return null;
            }

            window.Enqueue((now, sample));
            while (window.Count > 0 && now - window.Peek().At > settings.Window)
            {
                _ = window.Dequeue();
            }

            var congestion = Congestion(sample);
            if (congestion is not null)
            {
                healthySince = null;
                return index < ladder.Count - 1 && (lastDown is null || now - lastDown >= settings.DownCooldown)
                    ? Switch(now, index + 1, AdaptationDirection.Down, congestion)
                    : null;
            }

            if (!IsHealthy(sample))
            {
                healthySince = null;
                return null;
            }

            healthySince ??= now;
            if (index == 0 || now - healthySince < settings.UpHold)
            {
                return null;
            }

            var next = ladder[index - 1];
            var needed = settings.UpBandwidthFactor * next.VideoKbps;
            return sample.BandwidthKbps >= needed
                ? Switch(now, index - 1, AdaptationDirection.Up, string.Create(CultureInfo.InvariantCulture, $"healthy for {(now - healthySince.Value).TotalSeconds:0} s and estimated bandwidth {sample.BandwidthKbps:0} kbit/s >= {needed:0} kbit/s"))
                : null;
        }
    }

    private AdaptationDecision Switch(DateTimeOffset now, int to, AdaptationDirection direction, string reason)
    {
        var from = index;
        index = to;
        var rung = ladder[to];
        if (direction == AdaptationDirection.Down)
        {
            lastDown = now;
        }

        // Judge the new rung on its own samples, and earn the next step up from scratch.
        window.Clear();
        healthySince = direction == AdaptationDirection.Up ? now : null;
        var operatorReason = direction == AdaptationDirection.Down
            ? $"Đường truyền yếu, giảm chất lượng hình xuống {rung.Height}p ({rung.VideoKbps} kbit/s)"
            : $"Đường truyền ổn định, tăng chất lượng hình lên {rung.Height}p ({rung.VideoKbps} kbit/s)";
        lastDecision = new AdaptationDecision(now, from, to, rung, direction, $"{ladder[from].Name} -> {rung.Name}: {reason}", operatorReason);
        return lastDecision;
    }

    /// <summary>Why the link counts as congested over the window, or null.</summary>
    private string? Congestion(SrtLinkSample latest)
    {
        if (window.Count < settings.MinSamples)
        {
            return null;
        }

        var samples = window.Select(w => w.Sample).ToArray();
        var seconds = (window.Last().At - window.Peek().At).TotalSeconds;
        var retransmit = WeightedAverage(samples, s => s.RetransmitPercent);
        if (retransmit > settings.RetransmitPercentThreshold)
        {
            return string.Create(CultureInfo.InvariantCulture, $"retransmits {retransmit:0.0}% over {samples.Length} samples ({seconds:0.#} s) above {settings.RetransmitPercentThreshold}%");
        }

        var loss = WeightedAverage(samples, s => s.LossPercent);
        if (loss > settings.LossPercentThreshold)
        {
            return string.Create(CultureInfo.InvariantCulture, $"loss {loss:0.0}% over {samples.Length} samples above {settings.LossPercentThreshold}%");
        }

        var dropped = samples.Sum(s => s.DroppedPackets);
        if (samples.TakeLast(settings.MinSamples).All(s => s.DroppedPackets > 0))
        {
            return string.Create(CultureInfo.InvariantCulture, $"the sender dropped {dropped} packets too late for the latency");
        }

        var bufferLimit = BufferLimitMs(latest);
        if (samples.TakeLast(settings.MinSamples).All(s => s.SendBufferMs > bufferLimit))
        {
            return string.Create(CultureInfo.InvariantCulture, $"send buffer {latest.SendBufferMs} ms above {bufferLimit} ms");
        }

        var rungKbps = ladder[index].VideoKbps;
        var growth = latest.SendBufferMs - samples[0].SendBufferMs;
        var rate = samples.Average(s => s.SendRateKbps);
        if (growth >= settings.SendBufferGrowthMs && rate < settings.KeepUpRatio * rungKbps)
        {
            return string.Create(CultureInfo.InvariantCulture, $"send rate {rate:0} kbit/s below {rungKbps} kbit/s while the send buffer grew {samples[0].SendBufferMs} -> {latest.SendBufferMs} ms");
        }

        return null;
    }

    /// <summary>
    /// Percentages weighted by the packets each sample covers: a second in which almost nothing was
    /// sent (encoder restarting) must not count as much as a full one. Unweighted when no sample
    /// carries a packet count.
    /// </summary>
    private static double WeightedAverage(SrtLinkSample[] samples, Func<SrtLinkSample, double> percent)
    {
        var packets = samples.Sum(s => s.PacketsSent);
        return packets > 0
            ? samples.Sum(s => percent(s) * s.PacketsSent) / packets
            : samples.Average(percent);
    }

    private bool IsHealthy(SrtLinkSample sample) =>
        sample.RetransmitPercent < settings.RetransmitPercentThreshold / 2
        && sample.LossPercent < settings.LossPercentThreshold / 2
        && sample.DroppedPackets == 0
        && sample.SendBufferMs < BufferLimitMs(sample) / 2;

    private int BufferLimitMs(SrtLinkSample sample) =>
        (int)Math.Max(settings.SendBufferFloorMs, settings.SendBufferLatencyFactor * sample.LatencyMs);
}
