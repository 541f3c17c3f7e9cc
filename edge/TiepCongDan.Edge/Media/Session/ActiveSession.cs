using TiepCongDan.Edge.Media.Adaptation;
using TiepCongDan.Edge.Media.Encoders;
using TiepCongDan.Edge.Media.Live;
using TiepCongDan.Edge.Media.Recording;
using TiepCongDan.Edge.Media.Uplink;

namespace TiepCongDan.Edge.Media.Session;

/// <summary>The parts of one running session, owned by <see cref="MediaService"/>.</summary>
internal sealed class ActiveSession(
    RecordingSession recording,
    SrtUplink uplink,
    FfmpegSupervisor encoder,
    AdaptationController adaptation,
    DateTimeOffset startedAt)
{
    public string Id => Recording.SessionId;

    public RecordingSession Recording { get; } = recording;

    public SrtUplink Uplink { get; } = uplink;

    public FfmpegSupervisor Encoder { get; } = encoder;

    public AdaptationController Adaptation { get; } = adaptation;

    public DateTimeOffset StartedAt { get; } = startedAt;

    /// <summary>The officials' picture and voice for the kiosk page; null without a page or with Edge:Media:Srt:ReturnPort 0.</summary>
    public OfficialsReturnReceiver? Return { get; init; }

    /// <summary>Frames dropped by earlier ffmpeg runs of this session (each run counts from zero).</summary>
    public long DroppedBefore { get; set; }

    /// <summary>Serialises ladder restarts so two quick decisions cannot interleave.</summary>
    public SemaphoreSlim Restarting { get; } = new(1, 1);
}
