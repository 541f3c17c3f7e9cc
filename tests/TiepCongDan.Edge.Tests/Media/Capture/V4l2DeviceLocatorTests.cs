using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Media.Capture;
using TiepCongDan.Edge.Tests.Media.Encoders;

namespace TiepCongDan.Edge.Tests.Media.Capture;

public sealed class V4l2DeviceLocatorTests
{
    private const string Listing =
        "[video4linux2,v4l2 @ 0x5581] Compressed:       mjpeg :          Motion-JPEG : 1920x1080 1280x720 640x480\n" +
        "[video4linux2,v4l2 @ 0x5581] Raw       :     yuyv422 :           YUYV 4:2:2 : 640x480 1280x720 320x240\n" +
        "/dev/video0: Immediate exit requested\n";

    [Fact]
    public void By_id_link_to_a_video_node_is_present_and_a_missing_one_absent()
    {
        using var root = new TempDirectory();
        Directory.CreateDirectory(root.File("dev/v4l/by-id"));
        File.WriteAllText(root.File("dev/video0"), string.Empty);
        File.CreateSymbolicLink(root.File("dev/v4l/by-id/usb-cam-video-index0"), "../../video0");
        var locator = new V4l2DeviceLocator(root.Path);

        Assert.Equal(DeviceStatus.Present, locator.Locate("/dev/v4l/by-id/usb-cam-video-index0").Status);
        var absent = locator.Locate("/dev/v4l/by-id/usb-other-video-index0");
        Assert.Equal(DeviceStatus.Absent, absent.Status);
        Assert.Equal("Không tìm thấy camera /dev/v4l/by-id/usb-other-video-index0 (camera not found): kiểm tra dây USB của camera.", absent.Reason);
    }

    [Fact]
    public void Parses_ffmpeg_list_formats()
    {
        var offers = V4l2DeviceLocator.ParseFormats(Listing);

        Assert.Equal(["mjpeg", "yuyv422"], offers.Select(o => o.Format));
        Assert.Equal([(1920, 1080), (1280, 720), (640, 480)], offers[0].Sizes);
        Assert.Equal([(640, 480), (1280, 720), (320, 240)], offers[1].Sizes);
    }

    [Fact]
    public void Negotiation_prefers_mjpeg_and_falls_back_to_the_nearest_size_with_a_note()
    {
        var offers = V4l2DeviceLocator.ParseFormats(Listing);

        var exact = V4l2DeviceLocator.Negotiate(new CaptureSettings { Width = 1280, Height = 720 }, offers);
        Assert.Equal(new V4l2Negotiation("mjpeg", 1280, 720, string.Empty), exact);

        var nearest = V4l2DeviceLocator.Negotiate(new CaptureSettings { Width = 960, Height = 540, CameraInputFormat = CameraInputFormat.Yuyv422 }, offers);
        Assert.Equal(("yuyv422", 1280, 720), (nearest.InputFormat, nearest.Width, nearest.Height));
        Assert.Contains("nearest 1280x720", nearest.Note, StringComparison.Ordinal);
    }
}
