using TiepCongDan.Edge.Media.Capture;

namespace TiepCongDan.Edge.Media.Encoders;

/// <summary>How the supervisor restarts ffmpeg and where it looks for devices. Defaults suit a kiosk.</summary>
public sealed class FfmpegSupervisorOptions
{
    /// <summary>Null: <see cref="FfmpegArguments.Build"/> with the health analysis on.</summary>
    public FfmpegArgumentsFactory? Arguments { get; set; }

    public V4l2DeviceLocator CameraLocator { get; set; } = new();

    public AlsaCardLocator MicrophoneLocator { get; set; } = new();

    public EncoderSelector EncoderSelector { get; set; } = new();

    public TimeSpan MinRestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A run at least this long counts as healthy: the back-off starts again from the minimum.</summary>
    public TimeSpan HealthyRun { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan DevicePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(4);

    public Random Random { get; set; } = Random.Shared;

    public void Validate()
    {
        if (MinRestartDelay <= TimeSpan.Zero || MaxRestartDelay < MinRestartDelay || DevicePollInterval <= TimeSpan.Zero || StopTimeout <= TimeSpan.Zero || HealthyRun <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("ffmpeg supervisor: restart delays, poll interval, stop timeout and healthy run must be positive, max delay ≥ min delay.");
        }
    }
}
