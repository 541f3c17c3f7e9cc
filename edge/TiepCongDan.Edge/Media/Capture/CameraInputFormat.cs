namespace TiepCongDan.Edge.Media.Capture;

/// <summary>The pixel format asked of a V4L2 camera.</summary>
public enum CameraInputFormat
{
    /// <summary>MJPEG when the camera offers it (USB 2 bandwidth), otherwise raw YUYV.</summary>
    Auto,
    Mjpeg,
    Yuyv422,
}
