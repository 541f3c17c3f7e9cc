using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Edge.Media.Recording;

namespace TiepCongDan.Edge.Media.Upload;

/// <summary>The kiosk's HTTP calls of <see cref="SegmentUploadProtocol"/>. Failures the loop must back off on throw <see cref="HubRefusedException"/>.</summary>
internal sealed class HubUploadClient : IDisposable
{
    private readonly HttpClient _http;

    public HubUploadClient(SegmentUploaderSettings settings, HttpMessageHandler? handler)
    {
        _http = new HttpClient(handler ?? KioskHubHttp.Pinned(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, settings.CaCertificatePath), disposeHandler: handler is null)
        {
            BaseAddress = settings.HubBaseUri,
            Timeout = settings.RequestTimeout,
        };
        _http.DefaultRequestHeaders.Authorization = KioskHubHttp.BasicAuthorization(settings.KioskId, settings.Password);
    }

    public async Task DeclareAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        var declaration = new SessionDeclaration(session.KioskId, session.StartedAtMs, session.EndedAtMs, session.SegmentCount);
        using var response = await _http.PutAsJsonAsync(Relative(SegmentUploadProtocol.Session(session.SessionId)), declaration, cancellationToken);
        EnsureAccepted(response);
    }

    public async Task<IReadOnlyList<ArchivedSegment>> ConfirmedAsync(string sessionId, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(Relative(SegmentUploadProtocol.Segments(sessionId)), cancellationToken);
        EnsureAccepted(response);
        var body = await response.Content.ReadFromJsonAsync<SessionSegmentsResponse>(cancellationToken)
            ?? throw new HubRefusedException((int)response.StatusCode, OperatorMessages.HubError((int)response.StatusCode), "The hub sent an empty segment list.");
        return body.Segments;
    }

    /// <summary>Bytes the hub holds of the segment; 0 when it holds none.</summary>
    public async Task<long> OffsetAsync(string sessionId, int sequence, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, Relative(SegmentUploadProtocol.Segment(sessionId, sequence)));
        using var response = await _http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return 0;
        }

        EnsureAccepted(response);
        return OffsetOf(response) ?? 0;
    }

    public async Task<PatchReply> PatchAsync(SegmentRecord segment, long offset, ReadOnlyMemory<byte> chunk, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(chunk);
        content.Headers.ContentType = new MediaTypeHeaderValue(SegmentUploadProtocol.ContentType);
        using var request = new HttpRequestMessage(HttpMethod.Patch, Relative(SegmentUploadProtocol.Segment(segment.SessionId, segment.Sequence))) { Content = content };
        request.Headers.Add(SegmentUploadProtocol.UploadOffsetHeader, offset.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SegmentUploadProtocol.UploadLengthHeader, segment.Bytes.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SegmentUploadProtocol.Sha256Header, segment.Sha256);
        request.Headers.Add(SegmentUploadProtocol.StartPtsHeader, segment.StartPts.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SegmentUploadProtocol.DurationMsHeader, segment.DurationMs.ToString(CultureInfo.InvariantCulture));
        using var response = await _http.SendAsync(request, cancellationToken);
        var status = (int)response.StatusCode;
        if (status is 401 or 403 or 404 || status >= 500)
        {
            EnsureAccepted(response);
        }

        return new PatchReply(status, OffsetOf(response));
    }

    public void Dispose() => _http.Dispose();


    private static Uri Relative(string path) => new(path.TrimStart('/'), UriKind.Relative);

    private static long? OffsetOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(SegmentUploadProtocol.UploadOffsetHeader, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : null;

    private static void EnsureAccepted(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return;
        }

        var text = status switch
        {
            401 => OperatorMessages.Unauthorized,
            403 => OperatorMessages.Forbidden,
            404 => OperatorMessages.NotDeclared,
            _ => OperatorMessages.HubError(status),
        };
        throw new HubRefusedException(status, text, $"The hub answered {status} to {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}.");
    }
}
