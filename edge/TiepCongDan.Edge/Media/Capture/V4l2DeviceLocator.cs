using System.Diagnostics;
using System.Text.RegularExpressions;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Devices;

namespace TiepCongDan.Edge.Media.Capture;

/// <summary>
/// Finds a V4L2 camera by its stable path (/dev/v4l/by-id/...: a symlink to /dev/videoN) and
/// negotiates a format and size it offers. The file root is injectable for tests.
/// </summary>
public sealed partial class V4l2DeviceLocator(string fileRoot = "/")
{
    /// <summary>Present when the path exists and resolves to a /dev/videoN node.</summary>
    public DeviceReading Locate(string devicePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(devicePath);
        var path = Path.Combine(fileRoot, devicePath.TrimStart('/'));
        var info = new FileInfo(path);
        FileSystemInfo? target = info;
        try
        {
            if (info.LinkTarget is not null)
            {
                target = info.ResolveLinkTarget(returnFinalTarget: true);
            }
        }
        catch (IOException)
        {
            target = null;
        }

        if (target is null || !target.Exists)
        {
            return new DeviceReading(DeviceStatus.Absent, $"Không tìm thấy camera {devicePath} (camera not found): kiểm tra dây USB của camera.");
        }

        if (!VideoNode().IsMatch(target.Name))
        {
            return new DeviceReading(DeviceStatus.Faulty, $"Camera {devicePath} trỏ tới {target.FullName}, không phải thiết bị /dev/videoN.");
        }

        return DeviceReading.Present;
    }

    /// <summary>Asks ffmpeg what the camera offers (<c>ffmpeg -f v4l2 -list_formats all -i dev</c>).</summary>
    public static async Task<IReadOnlyList<V4l2FormatOffer>> ListFormatsAsync(string ffmpegPath, string devicePath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ffmpegPath) { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-hide_banner", "-nostdin", "-f", "v4l2", "-list_formats", "all", "-i", devicePath })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {ffmpegPath}.");
        try
        {
            var text = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return ParseFormats(text);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    /// <summary>Parses ffmpeg's -list_formats lines ("Compressed: mjpeg : Motion-JPEG : 1280x720 640x480").</summary>
    public static IReadOnlyList<V4l2FormatOffer> ParseFormats(string listFormatsOutput)
    {
        ArgumentNullException.ThrowIfNull(listFormatsOutput);
        var offers = new List<V4l2FormatOffer>();
        foreach (var line in listFormatsOutput.Split('\n'))
        {
            var match = FormatLine().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var sizes = SizeToken().Matches(match.Groups["sizes"].Value)
                .Select(m => (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();
            offers.Add(new V4l2FormatOffer(match.Groups["format"].Value, sizes));
        }

        return offers;
    }

    /// <summary>
    /// The configured format and size when offered; otherwise MJPEG before YUYV and the smallest
    /// offered size covering the configured one (else the largest), with a note saying so for the log.
    /// </summary>
    public static V4l2Negotiation Negotiate(CaptureSettings settings, IReadOnlyList<V4l2FormatOffer> offers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(offers);
        var wanted = settings.CameraInputFormat switch
        {
            CameraInputFormat.Mjpeg => "mjpeg",
            CameraInputFormat.Yuyv422 => "yuyv422",
            _ => string.Empty,
        };
        var notes = new List<string>();
        var offer = offers.FirstOrDefault(o => o.Format == wanted && wanted.Length > 0)
            ?? offers.FirstOrDefault(o => o.Format == "mjpeg")
            ?? offers.FirstOrDefault(o => o.Format == "yuyv422")
            ?? (offers.Count > 0 ? offers[0] : null);
        if (offer is null)
        {
            // The camera did not answer the listing: ask for what is configured and let ffmpeg say no.
            return new V4l2Negotiation(wanted.Length > 0 ? wanted : "mjpeg", settings.Width, settings.Height, "the camera listed no formats; asking for the configured mode");
        }

        if (wanted.Length > 0 && offer.Format != wanted)
        {
            notes.Add($"format {wanted} not offered, using {offer.Format}");
        }

        var (width, height) = (settings.Width, settings.Height);
        if (offer.Sizes.Count > 0 && !offer.Sizes.Contains((width, height)))
        {
            // The nearest size that covers the wanted one (the encoder scales down), else the largest.
            var covering = offer.Sizes.Where(s => s.Width >= settings.Width && s.Height >= settings.Height).ToList();
            (width, height) = covering.Count > 0 ? covering.MinBy(s => s.Width * s.Height) : offer.Sizes.MaxBy(s => s.Width * s.Height);
            notes.Add($"size {settings.Width}x{settings.Height} not offered, using the nearest {width}x{height}");
        }

        return new V4l2Negotiation(offer.Format, width, height, string.Join("; ", notes));
    }

    [GeneratedRegex(@"^video\d+$")]
    private static partial Regex VideoNode();

    [GeneratedRegex(@"(?:Compressed|Raw)\s*:\s*(?<format>\S+)\s*:.*:(?<sizes>[^:]*)$")]
    private static partial Regex FormatLine();

    [GeneratedRegex(@"(\d+)x(\d+)")]
    private static partial Regex SizeToken();
}
