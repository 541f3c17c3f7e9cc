using System.Collections.Concurrent;
using System.Net;

namespace TiepCongDan.Edge.Tests.Commands;

/// <summary>Stands in for the hub's kiosk command API: records each request (method, path, content type, body) and answers 200.</summary>
internal sealed class RecordingHubHandler : HttpMessageHandler
{
    public ConcurrentQueue<(string Method, string Path, string? ContentType, byte[] Body)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Requests.Enqueue((request.Method.Method, request.RequestUri!.PathAndQuery, request.Content?.Headers.ContentType?.MediaType, body));
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") };
    }
}
