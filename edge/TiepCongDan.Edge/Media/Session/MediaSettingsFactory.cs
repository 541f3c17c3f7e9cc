using TiepCongDan.Edge.Media.Adaptation;
using TiepCongDan.Edge.Media.Capture;
using TiepCongDan.Edge.Media.Encoders;
using TiepCongDan.Edge.Media.Recording;
using TiepCongDan.Edge.Media.Upload;
using TiepCongDan.Edge.Media.Uplink;
using TiepCongDan.Edge.Options;

namespace TiepCongDan.Edge.Media.Session;

/// <summary>Turns the validated "Edge:Media" options into each component's settings.</summary>
internal static class MediaSettingsFactory
{
    public static MediaRecorderSettings Recorder(EdgeOptions options) => new()
    {
        Directory = options.MediaDirectory,
        KeyPath = options.MediaKeyPath,
        TargetSegmentDuration = TimeSpan.FromSeconds(options.Media.SegmentSeconds),
        MaxSegmentDuration = TimeSpan.FromSeconds(Math.Max(6, options.Media.SegmentSeconds)),
        LowDiskBytes = options.Media.Store.LowDiskBytes,
        ReserveBytes = options.Media.Store.ReserveBytes,
    };

    public static CaptureSettings Capture(EdgeOptions options) => new()
    {
        Source = options.Media.Source == EdgeMediaOptions.V4l2Source ? CaptureSource.V4l2 : CaptureSource.Simulated,
        CameraDevice = options.Media.CameraDevice ?? string.Empty,
        CameraInputFormat = options.Media.CameraInputFormat switch
        {
            "mjpeg" => CameraInputFormat.Mjpeg,
            "yuyv422" => CameraInputFormat.Yuyv422,
            _ => CameraInputFormat.Auto,
        },
        MicrophoneCard = options.Media.MicrophoneCard ?? string.Empty,
        Width = options.Media.CaptureWidth,
        Height = options.Media.CaptureHeight,
        Fps = options.Media.Fps,
    };

    public static EncoderKind Encoder(EdgeOptions options) => options.Media.Encoder switch
    {
        "libx264" => EncoderKind.Libx264,
        "h264_v4l2m2m" => EncoderKind.H264V4l2m2m,
        _ => EncoderKind.Auto,
    };

    public static EncodeSettings Encode(EdgeOptions options, LadderRung rung) =>
        new(rung.Width, rung.Height, options.Media.Fps, rung.VideoKbps, options.Media.AudioKbps, Encoder(options), options.Media.KeyframeSeconds);

    public static BitrateLadder Ladder(EdgeOptions options) => BitrateLadder.Parse(options.Media.Ladder);

    public static AdaptationSettings Adaptation(EdgeOptions options) => new()
    {
        StartIndex = options.Media.StartRung,
        UpHold = TimeSpan.FromSeconds(options.Media.AdaptationUpHoldSeconds),
    };

    public static SrtUplinkSettings Uplink(EdgeOptions options, string sessionId, TimeSpan? hubRtt) => new()
    {
        Host = options.SrtHost,
        Port = options.Media.Srt.Port,
        KioskId = options.KioskId,
        SessionId = sessionId,
        Passphrase = ReadSecret(options.Media.Srt.Passphrase, options.Media.Srt.PassphraseFile),
        KeyLengthBytes = options.Media.Srt.KeyLengthBytes,
        LatencyMs = options.Media.Srt.LatencyMs ?? SrtUplink.DeriveLatencyMs(hubRtt),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(options.Media.Srt.ReconnectMinDelayMs),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(options.Media.Srt.ReconnectMaxDelayMs),
    };

    /// <summary>The officials' return stream: the uplink's settings on the hub's bridge port; null when Edge:Media:Srt:ReturnPort is 0.</summary>
    public static SrtUplinkSettings? Return(EdgeOptions options, string sessionId, TimeSpan? hubRtt)
    {
        var port = options.Media.Srt.ReturnPort ?? options.Media.Srt.Port + 1;
        if (port == 0)
        {
            return null;
        }

        var settings = Uplink(options, sessionId, hubRtt);
        settings.Port = port;
        return settings;
    }

    public static SegmentUploaderSettings Uploader(EdgeOptions options) => new()
    {
        HubBaseUri = new Uri(options.HubUrl),
        KioskId = options.KioskId,
        Password = ReadSecret(options.Mqtt.Password, options.Mqtt.PasswordFile) ?? string.Empty,
        CaCertificatePath = options.Media.Upload.CaCertificatePath ?? options.Mqtt.CaCertificatePath,
        RetryMinDelay = TimeSpan.FromMilliseconds(options.Media.Upload.RetryMinDelayMs),
        RetryMaxDelay = TimeSpan.FromMilliseconds(options.Media.Upload.RetryMaxDelayMs),
        MaxBytesPerSecond = options.Media.Upload.MaxBytesPerSecond > 0 ? options.Media.Upload.MaxBytesPerSecond : null,
    };

    /// <summary>The inline value, else the first line of the file (provisioning writes secrets to files).</summary>
    private static string? ReadSecret(string? inline, string? file) =>
        !string.IsNullOrEmpty(inline) ? inline
        : !string.IsNullOrWhiteSpace(file) ? File.ReadLines(file).First().Trim()
        : null;
}
