using System.Globalization;

namespace TiepCongDan.Edge.Options;

/// <summary>The "Edge:Media" part of <see cref="EdgeOptionsValidator"/>: one sentence per mistake, naming the key.</summary>
internal static class EdgeMediaOptionsValidator
{
    public static void Validate(EdgeMediaOptions media, List<string> failures)
    {
        if (!media.Enabled)
        {
            return;
        }

        ValidateCapture(media, failures);
        ValidateEncoding(media, failures);
        ValidateSrt(media.Srt, failures);

        if (!string.IsNullOrWhiteSpace(media.Upload.HubUrl)
            && (!Uri.TryCreate(media.Upload.HubUrl, UriKind.Absolute, out var hub) || (hub.Scheme != Uri.UriSchemeHttps && hub.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"Edge:Media:Upload:HubUrl '{media.Upload.HubUrl}' is not an http(s) address, e.g. https://hub.tinh14.example.");
        }

        if (media.Upload.MaxBytesPerSecond < 0)
        {
            failures.Add($"Edge:Media:Upload:MaxBytesPerSecond is {media.Upload.MaxBytesPerSecond}: use 0 for no limit or a positive number.");
        }

        if (media.Store.ReserveBytes < 0 || media.Store.LowDiskBytes <= media.Store.ReserveBytes)
        {
            failures.Add($"Edge:Media:Store:LowDiskBytes ({media.Store.LowDiskBytes}) must be larger than ReserveBytes ({media.Store.ReserveBytes}), so the alarm comes before capture stops.");
        }
    }

    private static void ValidateCapture(EdgeMediaOptions media, List<string> failures)
    {
        if (!EdgeMediaOptions.AllowedSources.Contains(media.Source, StringComparer.Ordinal))
        {
            failures.Add($"Edge:Media:Source '{media.Source}' is not supported: allowed values are {string.Join(", ", EdgeMediaOptions.AllowedSources)}.");
            return;
        }

        if (media.Source != EdgeMediaOptions.V4l2Source)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(media.CameraDevice))
        {
            failures.Add("Edge:Media:CameraDevice is missing: set the camera's stable name, e.g. /dev/v4l/by-id/usb-Logitech_C920_1234-video-index0 (see `ls /dev/v4l/by-id`).");
        }
        else if (!media.CameraDevice.StartsWith("/dev/v4l/", StringComparison.Ordinal))
        {
            failures.Add($"Edge:Media:CameraDevice '{media.CameraDevice}' is not a stable name: /dev/videoN changes between boots; use /dev/v4l/by-id/... or /dev/v4l/by-path/....");
        }

        if (string.IsNullOrWhiteSpace(media.MicrophoneCard))
        {
            failures.Add("Edge:Media:MicrophoneCard is missing: set the microphone's ALSA card name as listed in /proc/asound/cards, e.g. \"Device\".");
        }

        if (media.CameraInputFormat is not ("Auto" or "mjpeg" or "yuyv422"))
        {
            failures.Add($"Edge:Media:CameraInputFormat '{media.CameraInputFormat}' is not supported: use Auto, mjpeg or yuyv422.");
        }
    }

    private static void ValidateEncoding(EdgeMediaOptions media, List<string> failures)
    {
        if (!EdgeMediaOptions.AllowedEncoders.Contains(media.Encoder, StringComparer.Ordinal))
        {
            failures.Add($"Edge:Media:Encoder '{media.Encoder}' is not supported: allowed values are {string.Join(", ", EdgeMediaOptions.AllowedEncoders)}.");
        }

        if (media.CaptureWidth is < 160 or > 3840 || media.CaptureHeight is < 120 or > 2160 || media.CaptureWidth % 2 != 0 || media.CaptureHeight % 2 != 0)
        {
            failures.Add($"Edge:Media:CaptureWidth/CaptureHeight {media.CaptureWidth}x{media.CaptureHeight} is not a usable size: even numbers from 160x120 to 3840x2160.");
        }

        if (media.Fps is < 5 or > 60)
        {
            failures.Add($"Edge:Media:Fps is {media.Fps}: use 5 to 60.");
        }

        if (media.KeyframeSeconds is < 1 or > 2)
        {
            failures.Add($"Edge:Media:KeyframeSeconds is {media.KeyframeSeconds}: use 1 or 2 (segments are cut at keyframes).");
        }

        if (media.SegmentSeconds is < 2 or > 6)
        {
            failures.Add($"Edge:Media:SegmentSeconds is {media.SegmentSeconds}: use 2 to 6.");
        }

        if (media.AudioKbps is < 16 or > 256)
        {
            failures.Add($"Edge:Media:AudioKbps is {media.AudioKbps}: use 16 to 256.");
        }

        if (media.AdaptationUpHoldSeconds is < 2 or > 600)
        {
            failures.Add($"Edge:Media:AdaptationUpHoldSeconds is {media.AdaptationUpHoldSeconds}: use 2 to 600.");
        }

        if (media.FreezeSeconds < 2 || media.SilenceSeconds < 2)
        {
            failures.Add($"Edge:Media:FreezeSeconds ({media.FreezeSeconds}) and SilenceSeconds ({media.SilenceSeconds}) must be at least 2.");
        }

        try
        {
            var ladder = Media.Adaptation.BitrateLadder.Parse(media.Ladder);
            if (media.StartRung < 0 || media.StartRung >= ladder.Count)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"Edge:Media:StartRung is {media.StartRung}: the ladder has rungs 0 to {ladder.Count - 1}."));
            }
        }
        catch (FormatException ex)
        {
            failures.Add($"Edge:Media:Ladder '{media.Ladder}' is not a ladder: {ex.Message}");
        }
    }

    private static void ValidateSrt(EdgeSrtOptions srt, List<string> failures)
    {
        if (srt.Port is < 1 or > 65535)
        {
            failures.Add($"Edge:Media:Srt:Port is {srt.Port}: use 1 to 65535.");
        }

        if (srt.ReturnPort is < 0 or > 65535 || (srt.ReturnPort is null && srt.Port == 65535))
        {
            failures.Add($"Edge:Media:Srt:ReturnPort is {srt.ReturnPort}: use 1 to 65535 (the hub's bridge port), 0 for no officials' picture, or leave it empty for Port + 1.");
        }

        if (!string.IsNullOrEmpty(srt.Passphrase))
        {
            if (srt.Passphrase.Length is < 10 or > 79)
            {
                failures.Add($"Edge:Media:Srt:Passphrase has {srt.Passphrase.Length} characters: SRT needs 10 to 79.");
            }
        }
        else if (string.IsNullOrWhiteSpace(srt.PassphraseFile))
        {
            failures.Add("Edge:Media:Srt:PassphraseFile is missing: provisioning writes this kiosk's SRT passphrase there (or set Edge:Media:Enabled to false for a kiosk without media).");
        }
        else if (!File.Exists(srt.PassphraseFile))
        {
            failures.Add($"Edge:Media:Srt:PassphraseFile '{srt.PassphraseFile}' does not exist: re-run provisioning or correct the path.");
        }

        if (srt.KeyLengthBytes is not (16 or 24 or 32))
        {
            failures.Add($"Edge:Media:Srt:KeyLengthBytes is {srt.KeyLengthBytes}: use 16, 24 or 32 (AES-128/192/256).");
        }

        if (srt.LatencyMs is < 120 or > 10000)
        {
            failures.Add($"Edge:Media:Srt:LatencyMs is {srt.LatencyMs}: use 120 to 10000, or leave it empty for 4 x the measured RTT.");
        }

        if (srt.ReconnectMinDelayMs < 100 || srt.ReconnectMaxDelayMs < srt.ReconnectMinDelayMs)
        {
            failures.Add($"Edge:Media:Srt:ReconnectMinDelayMs ({srt.ReconnectMinDelayMs}) must be at least 100 and not above ReconnectMaxDelayMs ({srt.ReconnectMaxDelayMs}).");
        }
    }
}
