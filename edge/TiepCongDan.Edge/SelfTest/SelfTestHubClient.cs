using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Edge.Media.Upload;

namespace TiepCongDan.Edge.SelfTest;

/// <summary>
/// The self-test's calls to the hub (<see cref="SelfTestProtocol"/>): the media upload's hub address,
/// HTTP Basic with the kiosk id and its MQTT password, and the same CA pinning.
/// </summary>
public sealed class SelfTestHubClient : IDisposable
{
    private readonly HttpClient _http;

    public SelfTestHubClient(SegmentUploaderSettings settings, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        BaseAddress = settings.HubBaseUri ?? throw new ArgumentException("The hub's address is missing.", nameof(settings));
        _http = new HttpClient(handler ?? KioskHubHttp.Pinned(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) }, settings.CaCertificatePath), disposeHandler: true)
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(20),
        };
        _http.DefaultRequestHeaders.Authorization = KioskHubHttp.BasicAuthorization(settings.KioskId, settings.Password);
    }

    public Uri BaseAddress { get; }

    /// <summary>One timed ping: round trip and the hub's clock against ours at the middle of it.</summary>
    /// <exception cref="HttpRequestException">No answer, or a refusal (its status and a sentence).</exception>
    public async Task<HubPing> PingAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var sent = time.GetUtcNow();
        var begin = time.GetTimestamp();
        using var response = await _http.GetAsync(Relative(SelfTestProtocol.PingPath), cancellationToken);
        var rtt = time.GetElapsedTime(begin);
        await EnsureAsync(response, cancellationToken);
        long? serverMs = null;
        using (var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken))
        {
            if (json.RootElement.TryGetProperty("serverUnixMs", out var value) && value.TryGetInt64(out var ms))
            {
                serverMs = ms;
            }
        }

        serverMs ??= response.Headers.Date?.ToUnixTimeMilliseconds();
        var middle = sent.ToUnixTimeMilliseconds() + (long)(rtt.TotalMilliseconds / 2);
        return new HubPing(rtt, serverMs is { } s ? s - middle : null);
    }

    /// <summary>Sends <paramref name="bytes"/> and returns how long until the hub confirmed it read them all.</summary>
    public async Task<TimeSpan> UploadAsync(int bytes, TimeProvider time, CancellationToken cancellationToken)
    {
        var payload = new byte[bytes];
        Random.Shared.NextBytes(payload);
        using var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var begin = time.GetTimestamp();
        using var response = await _http.PostAsync(Relative(SelfTestProtocol.UploadPath), content, cancellationToken);
        await EnsureAsync(response, cancellationToken);
        _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return time.GetElapsedTime(begin);
    }

    /// <summary>Fetches <paramref name="bytes"/> and returns how long it took to read them all.</summary>
    public async Task<TimeSpan> DownloadAsync(int bytes, TimeProvider time, CancellationToken cancellationToken)
    {
        var begin = time.GetTimestamp();
        using var response = await _http.GetAsync(Relative(SelfTestProtocol.DownloadPath + "?bytes=" + bytes.ToString(CultureInfo.InvariantCulture)),
            HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureAsync(response, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (body.Length != bytes)
        {
            throw new HttpRequestException($"The hub sent {body.Length} of {bytes} bytes.");
        }

        return time.GetElapsedTime(begin);
    }

    /// <exception cref="HttpRequestException">Not stored: no answer or a refusal.</exception>
    public async Task PostReportAsync(SelfTestReport report, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(Relative(SelfTestProtocol.ReportPath), report, SelfTestJson.Options, cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private static Uri Relative(string path) => new(path.TrimStart('/'), UriKind.Relative);

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var text = body.Length > 200 ? body[..200] : body;
        var why = response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "the hub refuses the kiosk id or MQTT password",
            HttpStatusCode.Forbidden => "the hub refuses this kiosk (revoked)",
            HttpStatusCode.NotFound => "the hub does not serve the self-test API (older hub?)",
            _ => "the hub answered an error",
        };
        throw new HttpRequestException($"HTTP {(int)response.StatusCode}: {why} ({text.ReplaceLineEndings(" ").Trim()})", null, response.StatusCode);
    }

}
