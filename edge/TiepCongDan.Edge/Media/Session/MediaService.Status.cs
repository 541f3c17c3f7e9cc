using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Edge.Devices;
using TiepCongDan.Edge.Media.Capture;
using TiepCongDan.Edge.Media.Recording;

namespace TiepCongDan.Edge.Media.Session;

/// <summary>What the node publishes about media: the node's Media/* metrics and the camera's and microphone's readings.</summary>
public sealed partial class MediaService
{
    private readonly V4l2DeviceLocator _cameraLocator = new();
    private readonly AlsaCardLocator _microphoneLocator = new();

    public MediaNodeStatus Status
    {
        get
        {
            if (_recorder is not { } recorder)
            {
                return MediaNodeStatus.Idle;
            }

            var storage = recorder.Storage();
            var pending = recorder.PendingSegmentCount();
            var level = storage.Level.ToString().ToLowerInvariant();
            if (_session is not { } session)
            {
                return MediaNodeStatus.Idle with { PendingSegments = pending, PendingBytes = storage.PendingBytes, StorageLevel = level, UplinkReason = _lastFailure };
            }

            var link = session.Uplink.LatestStats;
            var connected = link is { Connected: true };
            return new MediaNodeStatus(
                session.Id,
                session.Uplink.State.ToString().ToLowerInvariant(),
                session.Uplink.LastReason ?? string.Empty,
                connected ? link!.RttMs : null,
                connected ? link!.LossPercent : null,
                connected ? link!.RetransmitPercent : null,
                connected ? link!.SendRateKbps : null,
                pending,
                storage.PendingBytes,
                level);
        }
    }

    /// <summary>
    /// The camera as the media side sees it: the encoder's reading while a session runs; when idle a
    /// real camera is looked up by its stable name (hot-plug shows without a session), a simulated
    /// one reads <paramref name="inner"/> (the simulated-devices control file).
    /// </summary>
    internal DeviceReading CameraReading(DeviceReading inner)
    {
        if (_session is { } s)
        {
            return Worse(s.Encoder.CameraReading, inner);
        }

        return IsV4l2 ? Worse(_cameraLocator.Locate(_options.Media.CameraDevice!), inner) : inner;
    }

    internal DeviceReading MicrophoneReading(DeviceReading inner)
    {
        if (_session is { } s)
        {
            return Worse(s.Encoder.MicrophoneReading, inner);
        }

        return IsV4l2 ? Worse(_microphoneLocator.Locate(_options.Media.MicrophoneCard!).Reading, inner) : inner;
    }

    private bool IsV4l2 => _options.Media.Source == Options.EdgeMediaOptions.V4l2Source;

    internal IReadOnlyDictionary<string, SparkplugValue> CameraMetrics()
    {
        if (_session is not { } s)
        {
            return new Dictionary<string, SparkplugValue>();
        }

        var health = s.Encoder.Health;
        var encode = s.Encoder.CurrentEncode;
        var dropped = s.DroppedBefore + health.DroppedFrames;
        var frames = s.Recording.VideoFrames;
        return new Dictionary<string, SparkplugValue>(StringComparer.Ordinal)
        {
            [MediaMetrics.FramesIn] = SparkplugValue.OfUInt64((ulong)Math.Max(0, frames + dropped)),
            [MediaMetrics.FramesOut] = SparkplugValue.OfUInt64((ulong)Math.Max(0, frames)),
            [MediaMetrics.FramesDropped] = SparkplugValue.OfUInt64((ulong)Math.Max(0, dropped)),
            [MediaMetrics.Frozen] = SparkplugValue.Of(Lasted(health.FrozenSince, _options.Media.FreezeSeconds)),
            [MediaMetrics.EncoderKbps] = SparkplugValue.Of(Math.Round(s.Recording.BytesPerSecond * 8 / 1000.0, 1)),
            [MediaMetrics.Rung] = SparkplugValue.Of($"{encode.VideoKbps}k {encode.Width}x{encode.Height}"),
            [MediaMetrics.Encoder] = SparkplugValue.Of(encode.Encoder.ToString()),
            [MediaMetrics.AvDriftMs] = SparkplugValue.Of((double)s.Recording.AvDriftMs),
            [MediaMetrics.EncoderRestarts] = SparkplugValue.OfUInt64((ulong)s.Encoder.Restarts),
        };
    }

    internal IReadOnlyDictionary<string, SparkplugValue> MicrophoneMetrics()
    {
        if (_session is not { } s)
        {
            return new Dictionary<string, SparkplugValue>();
        }

        var health = s.Encoder.Health;
        return new Dictionary<string, SparkplugValue>(StringComparer.Ordinal)
        {
            [MediaMetrics.AudioLevelDbfs] = health.AudioRmsDbfs is { } db && double.IsFinite(db)
                ? SparkplugValue.Of(Math.Round(db, 1))
                : health.AudioRmsDbfs is null ? SparkplugValue.Null(SparkplugDataType.Double) : SparkplugValue.Of(-120.0),
            [MediaMetrics.Silent] = SparkplugValue.Of(Lasted(health.SilenceSince, _options.Media.SilenceSeconds)),
        };
    }

    private bool Lasted(DateTimeOffset? since, int seconds) => since is { } t && _time.GetUtcNow() - t >= TimeSpan.FromSeconds(seconds);

    private static DeviceReading Worse(DeviceReading a, DeviceReading b) => a.Status >= b.Status ? a : b;
}
