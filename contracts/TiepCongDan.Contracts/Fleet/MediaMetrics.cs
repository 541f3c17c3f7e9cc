namespace TiepCongDan.Contracts.Fleet;

/// <summary>
/// Media health metrics. "Video/..." belong to the camera device, "Audio/..." to the microphone
/// device, "Media/..." to the kiosk node (one uplink and one local store per kiosk). Every birth
/// carries all of them (null when no session runs); data messages carry the ones that changed.
/// </summary>
public static class MediaMetrics
{
    /// <summary>Boolean command (NCMD): start a reception session now (the kiosk's button does the same).</summary>
    public const string StartSession = "Media Control/Start Session";
    /// <summary>Boolean command (NCMD): end the running session.</summary>
    public const string StopSession = "Media Control/Stop Session";
    /// <summary>Boolean command (NCMD): send a 10-second test stream (test pattern with frame stamps) so the hub can measure the line; refused while a session runs.</summary>
    public const string LineTest = "Media Control/Line Test";

    /// <summary>UInt64: frames the encoder received from the camera in this session.</summary>
    public const string FramesIn = "Video/Frames In";
    /// <summary>UInt64: frames encoded and sent on in this session.</summary>
    public const string FramesOut = "Video/Frames Out";
    /// <summary>UInt64: frames dropped before encoding in this session.</summary>
    public const string FramesDropped = "Video/Frames Dropped";
    /// <summary>Boolean: the picture has not changed for the configured time (a frozen camera).</summary>
    public const string Frozen = "Video/Frozen";
    /// <summary>Double, kbit/s: what the encoder produced over the last seconds (video + audio + TS).</summary>
    public const string EncoderKbps = "Video/Encoder kbps";
    /// <summary>String: the bitrate ladder rung in use, e.g. "1500k 1280x720".</summary>
    public const string Rung = "Video/Rung";
    /// <summary>String: the encoder in use, e.g. "libx264" or "h264_v4l2m2m".</summary>
    public const string Encoder = "Video/Encoder";
    /// <summary>Double, ms: how far the video clock has drifted from the audio clock since the session started.</summary>
    public const string AvDriftMs = "Video/AV Drift ms";
    /// <summary>UInt64: unexpected encoder (ffmpeg) exits in this session, each restarted with back-off (ladder changes are logged, not counted).</summary>
    public const string EncoderRestarts = "Video/Encoder Restarts";

    /// <summary>Double, dBFS: RMS level of the microphone over the last second; null without a session.</summary>
    public const string AudioLevelDbfs = "Audio/Level dBFS";
    /// <summary>Boolean: silence for the configured time (a dead or muted microphone).</summary>
    public const string Silent = "Audio/Silent";

    /// <summary>String: the running session's id, empty when idle.</summary>
    public const string SessionId = "Media/Session";
    /// <summary>String: idle, connecting, connected, refused or down.</summary>
    public const string UplinkState = "Media/Uplink State";
    /// <summary>String: why the uplink is not connected (Vietnamese), empty when connected.</summary>
    public const string UplinkReason = "Media/Uplink Reason";
    /// <summary>Double, ms: SRT round trip time.</summary>
    public const string UplinkRttMs = "Media/Uplink RTT ms";
    /// <summary>Double, %: packets the SRT receiver reported lost over the last interval.</summary>
    public const string UplinkLossPercent = "Media/Uplink Loss %";
    /// <summary>Double, %: packets retransmitted over the last interval.</summary>
    public const string UplinkRetransmitPercent = "Media/Uplink Retransmit %";
    /// <summary>Double, kbit/s: SRT send rate.</summary>
    public const string UplinkKbps = "Media/Uplink kbps";
    /// <summary>UInt64: segments recorded on the kiosk that the hub has not confirmed yet.</summary>
    public const string PendingSegments = "Media/Pending Segments";
    /// <summary>UInt64, bytes: size of those segments.</summary>
    public const string PendingBytes = "Media/Pending Bytes";
    /// <summary>String: ok, low (alarm: free space is running out) or full (capture stopped).</summary>
    public const string StorageLevel = "Media/Storage Level";
}
