using System.Globalization;
using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Media.Capture;
using TiepCongDan.Edge.Media.Encoders;

namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// The camera delivers a moving picture: a few frames are grabbed through the session's capture path
/// (ffmpeg from the V4L2 camera with the negotiated mode, or the simulated lavfi source, a still test
/// card while the simulated camera is unplugged) at 2 frames a second, scaled to 160x90 gray, and
/// the second and last are compared (the first is skipped: exposure settles).
/// </summary>
public sealed class CameraCheck(CaptureSettings capture, V4l2DeviceLocator locator) : ISelfTestCheck
{
    public const int FrameWidth = 160;
    public const int FrameHeight = 90;
    private const int Frames = 5;

    public string Id => SelfTestCheckIds.Camera;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public (string Vietnamese, string English) Advice =>
        ("Kiểm tra dây cáp USB của camera, cắm lại camera, rồi chạy lại tự kiểm tra; nếu vẫn lỗi, thay camera.",
         "Check the camera's USB cable, plug it in again and rerun the self-test; if it still fails, replace the camera.");

    public async Task<SelfTestOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var (adviceVi, adviceEn) = Advice;
        IReadOnlyList<string> input;
        var source = capture.Source == CaptureSource.Simulated ? "simulated" : "v4l2";
        if (capture.Source == CaptureSource.Simulated)
        {
            input = FfmpegArguments.CameraInput(capture, null);
        }
        else
        {
            var reading = locator.Locate(capture.CameraDevice);
            if (reading.Status != DeviceStatus.Present)
            {
                return SelfTestOutcome.Fail("Không thấy camera: " + reading.Reason, "No camera: " + reading.Reason, adviceVi, adviceEn)
                    .With("device", capture.CameraDevice);
            }

            var offers = await V4l2DeviceLocator.ListFormatsAsync(capture.FfmpegPath, capture.CameraDevice, cancellationToken);
            var mode = V4l2DeviceLocator.Negotiate(capture, offers);
            input = FfmpegArguments.CameraInput(capture, mode);
        }

        List<string> args = ["-hide_banner", "-nostats", "-loglevel", "error", .. input,
            "-vf", $"fps=2,scale={I(FrameWidth)}:{I(FrameHeight)},format=gray", "-frames:v", I(Frames), "-f", "rawvideo", "pipe:1"];
        var run = await FfmpegRun.RunAsync(capture.FfmpegPath, args, TimeSpan.FromSeconds(15), cancellationToken);
        const int size = FrameWidth * FrameHeight;
        var got = run.Output.Length / size;
        if (got < 3)
        {
            var why = run.TimedOut ? "ffmpeg did not deliver frames within 15 s" : $"ffmpeg exit {run.ExitCode}: {run.LogTail}";
            return SelfTestOutcome.Fail($"Không lấy được hình từ camera ({got} khung hình; {why}).", $"No picture from the camera ({got} frames; {why}).", adviceVi, adviceEn)
                .With("frames", got).With("source", source);
        }

        var second = run.Output.AsSpan(size, size);
        var last = run.Output.AsSpan((got - 1) * size, size);
        var comparison = FrameComparison.Of(second, last);
        var outcome = comparison switch
        {
            { Moving: false } => SelfTestOutcome.Fail(
                "Camera cho hình đứng yên: các khung hình giống hệt nhau (camera treo hoặc bị rút).",
                "The camera's picture does not move: the frames are identical (camera hung or unplugged).",
                "Rút camera ra, cắm lại, rồi chạy lại tự kiểm tra; nếu hình vẫn đứng yên, thay camera.",
                "Unplug the camera, plug it in again and rerun the self-test; if the picture is still frozen, replace the camera."),
            { MeanLuma: < 6 } => SelfTestOutcome.Warn(
                "Camera có hình nhưng gần như tối đen.",
                "The camera delivers a picture, but it is almost black.",
                "Bỏ nắp che ống kính, bật đèn phòng, rồi chạy lại tự kiểm tra.",
                "Remove the lens cover, switch the room light on and rerun the self-test."),
            _ => SelfTestOutcome.Pass("Camera cho hình chuyển động.", "The camera delivers a moving picture."),
        };
        return outcome.With("frames", got).With("meanDifference", comparison.MeanDifference)
            .With("changedPercent", comparison.ChangedPercent).With("meanLuma", comparison.MeanLuma).With("source", source);
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
