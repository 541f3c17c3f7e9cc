namespace TiepCongDan.Edge.Media.Adaptation;

/// <summary>When adaptation steps down and up. The defaults suit 1 s samples from the SRT uplink.</summary>
public sealed class AdaptationSettings
{
    /// <summary>Samples judged together for a step down.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Fewest connected samples in the window before a step down is considered (one bad second is noise).</summary>
    public int MinSamples { get; set; } = 2;

    /// <summary>Average retransmitted share of sent packets over the window above which the link is congested.</summary>
    public double RetransmitPercentThreshold { get; set; } = 8;

    /// <summary>Average share of packets the hub reported lost above which the link is congested.</summary>
    public double LossPercentThreshold { get; set; } = 8;

    /// <summary>The send buffer limit is max(this, <see cref="SendBufferLatencyFactor"/> x latency).</summary>
    public int SendBufferFloorMs { get; set; } = 500;

    public double SendBufferLatencyFactor { get; set; } = 2;

    /// <summary>"Cannot keep up": send rate below this share of the rung's bitrate while the send buffer grows.</summary>
    public double KeepUpRatio { get; set; } = 0.9;

    /// <summary>Growth of the send buffer across the window that counts as "growing".</summary>
    public int SendBufferGrowthMs { get; set; } = 150;

    /// <summary>At most one step down per this period (the encoder needs time to settle).</summary>
    public TimeSpan DownCooldown { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Healthy time needed before each step up.</summary>
    public TimeSpan UpHold { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A step up needs SRT's bandwidth estimate at this multiple of the next rung's bitrate.</summary>
    public double UpBandwidthFactor { get; set; } = 1.4;

    /// <summary>Rung the session starts on (0 = best).</summary>
    public int StartIndex { get; set; }

    /// <summary>Throws with a sentence a technician understands when a setting is wrong.</summary>
    public void Validate()
    {
        Require(Window >= TimeSpan.FromSeconds(1) && Window <= TimeSpan.FromMinutes(1), "Window must be 1-60 s.");
        Require(MinSamples is >= 1 and <= 60, "MinSamples must be 1-60.");
        Require(RetransmitPercentThreshold is > 0 and <= 100, "RetransmitPercentThreshold must be in (0, 100].");
        Require(LossPercentThreshold is > 0 and <= 100, "LossPercentThreshold must be in (0, 100].");
        Require(SendBufferFloorMs is >= 50 and <= 60000, "SendBufferFloorMs must be 50-60000.");
        Require(SendBufferLatencyFactor is >= 1 and <= 10, "SendBufferLatencyFactor must be 1-10.");
        Require(KeepUpRatio is > 0 and <= 1, "KeepUpRatio must be in (0, 1].");
        Require(SendBufferGrowthMs >= 0, "SendBufferGrowthMs must not be negative.");
        Require(DownCooldown >= TimeSpan.Zero, "DownCooldown must not be negative.");
        Require(UpHold >= TimeSpan.FromSeconds(1), "UpHold must be at least 1 s.");
        Require(UpBandwidthFactor is >= 1 and <= 10, "UpBandwidthFactor must be 1-10.");
        Require(StartIndex >= 0, "StartIndex must not be negative.");
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException("Bitrate adaptation: " + problem);
        }
    }
}
