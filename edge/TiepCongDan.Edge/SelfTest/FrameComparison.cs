namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// How much two small gray frames differ: the mean absolute difference (0-255) and the share of
/// pixels that changed by more than <see cref="ChangedThreshold"/> levels. A live camera differs
/// even in an empty room (sensor noise, light); a frozen one gives identical frames.
/// </summary>
public readonly record struct FrameComparison(double MeanDifference, double ChangedPercent, double MeanLuma)
{
    public const int ChangedThreshold = 10;

    /// <summary>Mean difference at or above which a picture is moving (noise of a live sensor is about 1).</summary>
    public const double MovingMeanDifference = 0.25;

    /// <summary>Changed share (%) at or above which a picture is moving.</summary>
    public const double MovingChangedPercent = 0.1;

    public bool Moving => MeanDifference >= MovingMeanDifference || ChangedPercent >= MovingChangedPercent;

    public static FrameComparison Of(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        if (first.Length != second.Length || first.Length == 0)
        {
            throw new ArgumentException("Frames must be the same non-zero size.", nameof(second));
        }

        long sum = 0;
        long luma = 0;
        var changed = 0;
        for (var i = 0; i < first.Length; i++)
        {
            var d = Math.Abs(first[i] - second[i]);
            sum += d;
            luma += second[i];
            if (d > ChangedThreshold)
            {
                changed++;
            }
        }

        return new FrameComparison((double)sum / first.Length, 100.0 * changed / first.Length, (double)luma / first.Length);
    }
}
