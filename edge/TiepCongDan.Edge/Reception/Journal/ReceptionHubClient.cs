using System.Net.Http.Json;
using System.Text.Json;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Media.Upload;

namespace TiepCongDan.Edge.Reception.Journal;

/// <summary>
/// POST <see cref="ReceptionProtocol.EventsPath"/> with the media upload's hub address and HTTP Basic
/// credentials. A refusal of the content (4xx other than 401, 403, 404, 405, 408, 429) comes back as a
/// result; everything a later resend can fix (network, those six, 5xx) throws so the loop backs off.
/// </summary>
internal sealed class ReceptionHubClient : IDisposable
{
    private const int MaxHubErrorChars = 300;

    private readonly HttpClient _http;

    public ReceptionHubClient(SegmentUploaderSettings settings, HttpMessageHandler? handler)
    {
        _http = new HttpClient(handler ?? KioskHubHttp.Pinned(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, settings.CaCertificatePath), disposeHandler: handler is null)
        {
            BaseAddress = settings.HubBaseUri,
            Timeout = settings.RequestTimeout,
        };
        _http.DefaultRequestHeaders.Authorization = KioskHubHttp.BasicAuthorization(settings.KioskId, settings.Password);
    }

    public async Task<ReceptionPostResult> PostAsync(IReadOnlyList<ReceptionEvent> events, CancellationToken cancellationToken)
    {
        var path = new Uri(ReceptionProtocol.EventsPath.TrimStart('/'), UriKind.Relative);
        using var response = await _http.PostAsJsonAsync(path, new ReceptionEventBatch(events), JournalJson.Options, cancellationToken);
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            ReceptionEventReceipt? receipt;
            try
            {
                receipt = await response.Content.ReadFromJsonAsync<ReceptionEventReceipt>(JournalJson.Options, cancellationToken);
            }
            catch (JsonException ex)
            {
                throw new HubRefusedException(status, OperatorMessages.HubError(status), $"The hub answered {status} to the reception events without a readable receipt ({ex.Message}).");
            }

            return receipt is { HighestSeq: not null }
                ? ReceptionPostResult.Accepted(receipt)
                : throw new HubRefusedException(status, OperatorMessages.HubError(status), $"The hub answered {status} to the reception events without a receipt.");
        }

        var hubError = await HubErrorAsync(response, cancellationToken);
        // 404 and 405: the hub does not serve this API yet (an older hub); no event is at fault.
        if (status is >= 400 and < 500 and not (401 or 403 or 404 or 405 or 408 or 429))
        {
            return ReceptionPostResult.Refused(status, hubError);
        }

        var text = status switch
        {
            401 => OperatorMessages.Unauthorized,
            403 => OperatorMessages.Forbidden,
            _ => OperatorMessages.HubError(status),
        };
        throw new HubRefusedException(status, text, $"The hub answered {status} to POST {ReceptionProtocol.EventsPath}: {hubError}");
    }

    public void Dispose() => _http.Dispose();


    /// <summary>The hub's {"error": "..."} or the start of its body, cut short: it goes into the kiosk's log.</summary>
    private static async Task<string> HubErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var text = body;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String)
            {
                text = error.GetString() ?? string.Empty;
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page): the raw start says enough.
        }

        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? $"HTTP {(int)response.StatusCode}, empty body"
            : text.Length > MaxHubErrorChars ? text[..MaxHubErrorChars] + "…"
            : text;
    }
}
