namespace TiepCongDan.Edge.Media.Capture;

/// <summary>
/// What the kiosk captures from. Validated by <see cref="Validate"/> at start so a wrong setting
/// stops the unit with a sentence a technician understands.
/// </summary>
public sealed class CaptureSettings
{
    public CaptureSource Source { get; set; } = CaptureSource.Simulated;

    /// <summary>A stable path, e.g. /dev/v4l/by-id/usb-046d_HD_Pro_Webcam_C920-video-index0.</summary>
    public string CameraDevice { get; set; } = string.Empty;

    public CameraInputFormat CameraInputFormat { get; set; } = CameraInputFormat.Auto;

    /// <summary>The ALSA card as /proc/asound/cards names it: its id ("Device") or its name ("USB Audio").</summary>
    public string MicrophoneCard { get; set; } = string.Empty;

    public int Width { get; set; } = 1280;

    public int Height { get; set; } = 720;

    public int Fps { get; set; } = 30;

    public int AudioSampleRate { get; set; } = 48000;

    public int AudioChannels { get; set; } = 1;

    /// <summary>Simulated source only: the camera delivers one still picture (the stamp keeps counting).</summary>
    public bool SimulatedCameraFrozen { get; set; }

    /// <summary>Simulated source only: the microphone delivers digital silence.</summary>
    public bool SimulatedMicrophoneSilent { get; set; }

    /// <summary>The ffmpeg program (Debian's ffmpeg).</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>Throws with a sentence naming the wrong setting.</summary>
    public void Validate()
    {
        if (Width is < 64 or > 3840 || Height is < 36 or > 2160 || Width % 2 != 0 || Height % 2 != 0)
        {
            throw new InvalidOperationException($"Capture: size {Width}x{Height} must be even and between 64x36 and 3840x2160.");
        }

        if (Fps is < 1 or > 60)
        {
            throw new InvalidOperationException($"Capture: Fps {Fps} must be between 1 and 60.");
        }

        if (AudioSampleRate is not (8000 or 16000 or 32000 or 44100 or 48000) || AudioChannels is < 1 or > 2)
        {
            throw new InvalidOperationException($"Capture: audio {AudioSampleRate} Hz x {AudioChannels} channels is not supported (48000 Hz mono expected).");
        }

        if (string.IsNullOrWhiteSpace(FfmpegPath))
        {
            throw new InvalidOperationException("Capture: FfmpegPath is empty.");
        }

        if (Source == CaptureSource.V4l2)
        {
            if (!CameraDevice.StartsWith("/dev/", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Capture: CameraDevice '{CameraDevice}' must be a /dev path (prefer /dev/v4l/by-id/...).");
            }

            if (string.IsNullOrWhiteSpace(MicrophoneCard))
            {
                throw new InvalidOperationException("Capture: MicrophoneCard is empty (an ALSA card name from /proc/asound/cards).");
            }
        }
    }
}
