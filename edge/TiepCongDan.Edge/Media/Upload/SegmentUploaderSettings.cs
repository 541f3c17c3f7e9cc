namespace TiepCongDan.Edge.Media.Upload;

/// <summary>
/// Where and how the kiosk uploads its kept segments to the hub (SegmentUploadProtocol).
/// <see cref="Validate"/> runs when the uploader is built, so a wrong value stops it with a sentence.
/// </summary>
public sealed class SegmentUploaderSettings
{
    /// <summary>The hub's HTTP(S) base address, e.g. https://hub.tinh14.gov.vn/.</summary>
    public Uri? HubBaseUri { get; set; }

    public string KioskId { get; set; } = string.Empty;

    /// <summary>The kiosk's MQTT password (HTTP Basic password for the media API).</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>PEM of the private CA the hub's certificate must chain to; empty = the system trust store.</summary>
    public string? CaCertificatePath { get; set; }

    public TimeSpan RetryMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an idle uploader waits for <see cref="SegmentUploader.Trigger"/> before looking again anyway.</summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bytes per PATCH: a dropped link loses at most this much work.</summary>
    public int ChunkBytes { get; set; } = 256 * 1024;

    /// <summary>Upload rate cap so the backlog does not starve the live stream; null = no cap.</summary>
    public long? MaxBytesPerSecond { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> listing every wrong setting.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (HubBaseUri is not { IsAbsoluteUri: true } uri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"HubBaseUri '{HubBaseUri}' must be an absolute http:// or https:// address of the hub.");
        }

        if (!Contracts.Fleet.KioskId.IsValid(KioskId))
        {
            errors.Add($"KioskId '{KioskId}' is not a kiosk id like 14-04171.");
        }

        if (string.IsNullOrEmpty(Password))
        {
            errors.Add("Password is empty: give the kiosk's MQTT password.");
        }

        if (!string.IsNullOrWhiteSpace(CaCertificatePath) && !File.Exists(CaCertificatePath))
        {
            errors.Add($"CaCertificatePath '{CaCertificatePath}' does not exist.");
        }

        if (RetryMinDelay <= TimeSpan.Zero || RetryMaxDelay < RetryMinDelay)
        {
            errors.Add($"RetryMinDelay ({RetryMinDelay}) must be positive and RetryMaxDelay ({RetryMaxDelay}) not below it.");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"RequestTimeout ({RequestTimeout}) must be positive.");
        }

        if (IdlePollInterval <= TimeSpan.Zero)
        {
            errors.Add($"IdlePollInterval ({IdlePollInterval}) must be positive.");
        }

        if (ChunkBytes is < 4096 or > 16 * 1024 * 1024)
        {
            errors.Add($"ChunkBytes is {ChunkBytes}: use 4096 to 16777216 bytes (default 262144).");
        }

        if (MaxBytesPerSecond is < 1024)
        {
            errors.Add($"MaxBytesPerSecond is {MaxBytesPerSecond}: use at least 1024, or leave it empty for no cap.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Segment uploader settings: " + string.Join(" ", errors));
        }
    }
}
