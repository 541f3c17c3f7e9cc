using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Media.Capture;
using TiepCongDan.Edge.Media.Encoders;

namespace TiepCongDan.Edge.Commands;

/// <summary>
/// The camera-still command: one JPEG through the encoder's own camera input
/// (<see cref="FfmpegArguments.CameraInput"/>: the V4L2 camera in its negotiated mode, or the simulated
/// lavfi picture). The sixth frame is kept so a real camera's exposure has settled.
/// </summary>
public sealed class CameraStill(CaptureSettings capture, TimeSpan timeout, V4l2DeviceLocator? locator = null)
{
    public async Task<CommandResult> CaptureAsync(string kioskId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> input;
        if (capture.Source == CaptureSource.Simulated)
        {
            input = FfmpegArguments.CameraInput(capture, null);
        }
        else
        {
            var reading = (locator ?? new V4l2DeviceLocator()).Locate(capture.CameraDevice);
            if (reading.Status != DeviceStatus.Present)
            {
                return CommandResult.Failed("Không thấy camera: " + reading.Reason);
            }

            var offers = await V4l2DeviceLocator.ListFormatsAsync(capture.FfmpegPath, capture.CameraDevice, cancellationToken);
            input = FfmpegArguments.CameraInput(capture, V4l2DeviceLocator.Negotiate(capture, offers));
        }

        List<string> arguments = ["-hide_banner", "-nostats", "-loglevel", "error", .. input,
            "-vf", "select=gte(n\\,5)", "-frames:v", "1", "-c:v", "mjpeg", "-q:v", "3", "-f", "image2", "pipe:1"];
        var (output, problem) = await ProgramCapture.RunAsync(capture.FfmpegPath, arguments, timeout, cancellationToken);
        if (output is null || output.Length < 4 || output[0] != 0xFF || output[1] != 0xD8)
        {
            return CommandResult.Failed("Không lấy được ảnh từ camera: " + (output is null ? problem : "ffmpeg không trả về ảnh JPEG") + ".");
        }

        return CommandResult.Done($"Đã chụp ảnh camera ({output.Length / 1024} KB).",
            new CommandArtifact($"camera-{kioskId}-{now:yyyyMMdd-HHmmss}.jpg", "image/jpeg", output));
    }
}
