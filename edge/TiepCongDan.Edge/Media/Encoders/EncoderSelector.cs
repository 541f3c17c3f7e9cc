namespace TiepCongDan.Edge.Media.Encoders;

/// <summary>
/// Resolves <see cref="EncoderKind.Auto"/>: the Pi 4's V4L2 encoder when /dev/video11 exists and
/// its sysfs name says it encodes (bcm2835-codec-encode), otherwise libx264. The Pi 5 has video
/// nodes for its HEVC decoder but no encoder, so a name check matters. The file root is injectable for tests.
/// </summary>
public sealed class EncoderSelector(string fileRoot = "/")
{
    public EncoderKind Resolve(EncoderKind requested)
    {
        if (requested != EncoderKind.Auto)
        {
            return requested;
        }

        var device = Path.Combine(fileRoot, "dev/video11");
        var name = Path.Combine(fileRoot, "sys/class/video4linux/video11/name");
        if (!File.Exists(device) || !File.Exists(name))
        {
            return EncoderKind.Libx264;
        }

        try
        {
            return File.ReadAllText(name).Contains("encode", StringComparison.OrdinalIgnoreCase) ? EncoderKind.H264V4l2m2m : EncoderKind.Libx264;
        }
        catch (IOException)
        {
            return EncoderKind.Libx264;
        }
    }
}
