using System.ComponentModel.DataAnnotations;

namespace TiepCongDan.Edge.Media.Recording;

/// <summary>Where and how the kiosk keeps its own encrypted copy of every session.</summary>
public sealed class MediaRecorderSettings
{
    public static readonly TimeSpan MinSegmentDuration = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxAllowedSegmentDuration = TimeSpan.FromSeconds(6);

    /// <summary>Root of the store: segments in {Directory}/{sessionId}/{seq:D6}.tse, journal in {Directory}/media.db.</summary>
    [Required]
    public string Directory { get; set; } = string.Empty;

    /// <summary>The 32-byte AES key file (created with mode 0600 when missing).</summary>
    [Required]
    public string KeyPath { get; set; } = string.Empty;

    /// <summary>A segment is cut at the first keyframe after this much video (clamped to 2-6 s).</summary>
    public TimeSpan TargetSegmentDuration { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Longest segment wanted (clamped to the target..6 s); longer ones are counted as overlong.</summary>
    public TimeSpan MaxSegmentDuration { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Free space below which the store reports <see cref="StorageLevel.Low"/>.</summary>
    [Range(0, long.MaxValue)]
    public long LowDiskBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Free space below which recording stops (<see cref="StorageLevel.Full"/>).</summary>
    [Range(0, long.MaxValue)]
    public long ReserveBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Throws with a sentence a technician understands when a setting is wrong.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Directory))
        {
            throw new ArgumentException("Media recording: Directory is required (where segments and media.db live).");
        }

        if (string.IsNullOrWhiteSpace(KeyPath))
        {
            throw new ArgumentException("Media recording: KeyPath is required (the 32-byte media key file).");
        }

        if (ReserveBytes < 0 || LowDiskBytes < ReserveBytes)
        {
            throw new ArgumentException($"Media recording: need 0 <= ReserveBytes ({ReserveBytes}) <= LowDiskBytes ({LowDiskBytes}).");
        }
    }

    /// <summary>The target as used: clamped to 2-6 s, because a segment must hold a keyframe and the hub caps segment size.</summary>
    internal TimeSpan EffectiveTarget => Clamp(TargetSegmentDuration, MinSegmentDuration);

    internal TimeSpan EffectiveMax => Clamp(MaxSegmentDuration, EffectiveTarget);

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min) =>
        value < min ? min : value > MaxAllowedSegmentDuration ? MaxAllowedSegmentDuration : value;
}
