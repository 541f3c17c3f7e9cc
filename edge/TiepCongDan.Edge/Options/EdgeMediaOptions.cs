namespace TiepCongDan.Edge.Options;

/// <summary>
/// Camera, microphone, encoder, SRT uplink and the local store of session recordings
/// (section "Edge:Media"). Defaults run the simulated camera and microphone against a hub on the
/// MQTT host, so a development kiosk needs no media settings at all.
/// </summary>
public sealed class EdgeMediaOptions
{
    public const string SimulatedSource = "Simulated";
    public const string V4l2Source = "V4l2";

    public static IReadOnlyList<string> AllowedSources { get; } = [SimulatedSource, V4l2Source];

    public static IReadOnlyList<string> AllowedEncoders { get; } = ["Auto", "libx264", "h264_v4l2m2m"];

    /// <summary>False: the kiosk reports health only (the fleet simulator's kiosks).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Simulated (FFmpeg test pattern with a burned-in frame stamp, and a tone) or V4l2 (a USB camera and an ALSA microphone).</summary>
    public string Source { get; set; } = SimulatedSource;

    /// <summary>The camera by stable name, e.g. /dev/v4l/by-id/usb-Logitech_C920_1234-video-index0 (never /dev/videoN, which changes between boots).</summary>
    public string? CameraDevice { get; set; }

    /// <summary>mjpeg, yuyv422 or Auto (mjpeg when the camera offers it: USB 2 cannot carry raw 720p30).</summary>
    public string CameraInputFormat { get; set; } = "Auto";

    /// <summary>The microphone's ALSA card name as in /proc/asound/cards, e.g. "Device" or "USB Audio".</summary>
    public string? MicrophoneCard { get; set; }

    public int CaptureWidth { get; set; } = 1280;

    public int CaptureHeight { get; set; } = 720;

    public int Fps { get; set; } = 30;

    /// <summary>Auto (the board's hardware encoder where it exists, else libx264), libx264 or h264_v4l2m2m.</summary>
    public string Encoder { get; set; } = "Auto";

    public int AudioKbps { get; set; } = 64;

    /// <summary>Seconds between keyframes (segments are cut at keyframes; at most 2 s).</summary>
    public int KeyframeSeconds { get; set; } = 2;

    /// <summary>Bitrate ladder, best first: "kbps k@WxH" separated by commas.</summary>
    public string Ladder { get; set; } = "2500k@1280x720,1500k@1280x720,1000k@960x540,600k@854x480,300k@640x360";

    /// <summary>The ladder rung a session starts on (0 = best).</summary>
    public int StartRung { get; set; }

    /// <summary>Follow SRT's link statistics along the ladder.</summary>
    public bool Adaptation { get; set; } = true;

    /// <summary>Seconds of a healthy link with room to spare before stepping one rung up (hysteresis against flapping).</summary>
    public int AdaptationUpHoldSeconds { get; set; } = 20;

    /// <summary>Local segment length, 2 to 6 s (cut at the next keyframe after it).</summary>
    public int SegmentSeconds { get; set; } = 4;

    /// <summary>Seconds of an unchanged picture before the camera is reported frozen.</summary>
    public int FreezeSeconds { get; set; } = 10;

    /// <summary>Seconds of silence before the microphone is reported silent.</summary>
    public int SilenceSeconds { get; set; } = 20;

    public EdgeSrtOptions Srt { get; set; } = new();

    public EdgeUploadOptions Upload { get; set; } = new();

    public EdgeMediaStoreOptions Store { get; set; } = new();
}
