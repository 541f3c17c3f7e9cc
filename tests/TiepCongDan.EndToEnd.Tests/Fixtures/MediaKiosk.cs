using System.Globalization;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Media;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// Arguments and probes for a tcd-edge that records and streams: the simulated camera and
/// microphone, SRT to a receiver on loopback, uploads to the test's hub, fast retries.
/// </summary>
public static class MediaKiosk
{
    public static string PassphraseFor(HubProcess hub, string kioskId) => MediaCredentials.DeriveSrtPassphrase(hub.Secret.Bytes, kioskId);

    public static List<string> Arguments(HubProcess hub, string kioskId, int srtPort, string? passphrase = null,
        int width = 640, int height = 360, int fps = 25, string ladder = "800k@640x360,400k@640x360,200k@426x240", params string[] extra) =>
    [
        "--Edge:Media:Enabled=true",
        "--Edge:Media:Srt:Host=127.0.0.1",
        string.Create(CultureInfo.InvariantCulture, $"--Edge:Media:Srt:Port={srtPort}"),
        "--Edge:Media:Srt:Passphrase=" + (passphrase ?? PassphraseFor(hub, kioskId)),
        // The officials' picture comes back through the hub's bridge listener, whatever path the uplink takes.
        string.Create(CultureInfo.InvariantCulture, $"--Edge:Media:Srt:ReturnPort={hub.BridgePort}"),
        "--Edge:Media:Srt:ReconnectMinDelayMs=200",
        "--Edge:Media:Srt:ReconnectMaxDelayMs=1000",
        string.Create(CultureInfo.InvariantCulture, $"--Edge:Media:Upload:HubUrl=http://127.0.0.1:{hub.HttpPort}"),
        "--Edge:Media:Upload:RetryMinDelayMs=200",
        "--Edge:Media:Upload:RetryMaxDelayMs=1000",
        string.Create(CultureInfo.InvariantCulture, $"--Edge:Media:CaptureWidth={width}"),
        string.Create(CultureInfo.InvariantCulture, $"--Edge:Media:CaptureHeight={height}"),
        string.Create(CultureInfo.InvariantCulture, $"--Edge:Media:Fps={fps}"),
        "--Edge:Media:Ladder=" + ladder,
        "--Edge:Media:Encoder=libx264",
        .. extra,
    ];

    /// <summary>Sends start-session through the hub and waits until the kiosk reports the session id.</summary>
    public static async Task<string> StartSessionAsync(HubProcess hub, EdgeProcess edge, CancellationToken cancellationToken = default)
    {
        var response = await hub.SendCommandAsync(edge.KioskId, "start-session", cancellationToken);
        response.EnsureSuccessStatusCode();
        var device = await hub.WaitForDeviceAsync(edge.KioskId, d => !string.IsNullOrEmpty(d.MetricText(MediaMetrics.SessionId)),
            TimeSpan.FromSeconds(30), "a running session", edge.Describe, cancellationToken);
        return device!.MetricText(MediaMetrics.SessionId)!;
    }

    public static async Task StopSessionAsync(HubProcess hub, EdgeProcess edge, CancellationToken cancellationToken = default)
    {
        var response = await hub.SendCommandAsync(edge.KioskId, "stop-session", cancellationToken);
        response.EnsureSuccessStatusCode();
        await hub.WaitForDeviceAsync(edge.KioskId, d => d.MetricText(MediaMetrics.SessionId) == string.Empty,
            TimeSpan.FromSeconds(30), "the session to end", edge.Describe, cancellationToken);
    }

    /// <summary>Waits until the kiosk has nothing left for the hub (every segment confirmed).</summary>
    /// <remarks>
    /// The kiosk's own store is checked too: the metric can still read 0 from before the last segment
    /// closed, while a segment file stays on the kiosk exactly until the hub has confirmed it.
    /// </remarks>
    public static Task WaitUploadedAsync(HubProcess hub, EdgeProcess edge, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        hub.WaitForDeviceAsync(edge.KioskId,
            d => d.MetricText(MediaMetrics.SessionId) == string.Empty && d.MetricText(MediaMetrics.PendingSegments) == "0" && !HasLocalSegments(edge),
            timeout, "every segment confirmed by the hub", edge.Describe, cancellationToken);

    private static bool HasLocalSegments(EdgeProcess edge)
    {
        var media = Path.Combine(edge.DataDirectory, "media");
        return Directory.Exists(media) && Directory.EnumerateDirectories(media)
            .Where(d => Path.GetFileName(d) != "orphans")
            .Any(d => Directory.EnumerateFiles(d, "*.tse").Any());
    }

    /// <summary>The hub's archived segments of a session in order (plaintext MPEG-TS).</summary>
    public static IReadOnlyList<string> ArchivedSegments(HubProcess hub, string kioskId, string sessionId)
    {
        var dir = Path.Combine(hub.DataDirectory, "archive", kioskId, sessionId);
        return Directory.Exists(dir)
            ? Directory.GetFiles(dir, "*.ts").Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>Concatenates the archived segments into one file (they are cut at keyframes, so the whole plays).</summary>
    public static string ConcatenateArchive(HubProcess hub, string kioskId, string sessionId, string outputPath)
    {
        using var output = File.Create(outputPath);
        foreach (var segment in ArchivedSegments(hub, kioskId, sessionId))
        {
            using var input = File.OpenRead(segment);
            input.CopyTo(output);
        }

        return outputPath;
    }

    /// <summary>Frame numbers are consecutive: returns the first gap or repeat, or null.</summary>
    public static string? FirstBreak(IReadOnlyList<long> numbers)
    {
        for (var i = 1; i < numbers.Count; i++)
        {
            if (numbers[i] != numbers[i - 1] + 1)
            {
                return string.Create(CultureInfo.InvariantCulture, $"frame {numbers[i - 1]} is followed by {numbers[i]} (at index {i} of {numbers.Count})");
            }
        }

        return null;
    }
}
