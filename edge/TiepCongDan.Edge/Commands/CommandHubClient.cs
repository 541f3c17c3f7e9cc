using System.Net.Http.Headers;
using System.Net.Http.Json;
using TiepCongDan.Contracts.Commands;
using TiepCongDan.Edge.Media.Upload;

namespace TiepCongDan.Edge.Commands;

/// <summary>
/// The kiosk's answers to remote commands (<see cref="CommandProtocol"/>): the media upload's hub
/// address, HTTP Basic with the kiosk id and its MQTT password, the same CA pinning as the self-test.
/// </summary>
public sealed class CommandHubClient : IDisposable
{
    private readonly HttpClient _http;

    public CommandHubClient(SegmentUploaderSettings settings, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _http = new HttpClient(handler ?? KioskHubHttp.Pinned(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) }, settings.CaCertificatePath), disposeHandler: handler is null)
        {
            BaseAddress = settings.HubBaseUri ?? throw new ArgumentException("The hub's address is missing.", nameof(settings)),
            Timeout = TimeSpan.FromSeconds(60),
        };
        _http.DefaultRequestHeaders.Authorization = KioskHubHttp.BasicAuthorization(settings.KioskId, settings.Password);
    }

    /// <exception cref="HttpRequestException">No answer or a refusal (status and the hub's sentence).</exception>
    public async Task PostOutcomeAsync(string commandId, CommandOutcome outcome, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(Relative(CommandProtocol.ResultPath(commandId)), outcome, CommandJson.Options, cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }

    /// <exception cref="HttpRequestException">No answer or a refusal.</exception>
    public async Task PutArtifactAsync(string commandId, CommandArtifact artifact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        using var content = new ByteArrayContent(artifact.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(artifact.ContentType);
        using var response = await _http.PutAsync(Relative(CommandProtocol.ArtifactPath(commandId, artifact.FileName)), content, cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private static Uri Relative(string path) => new(path.TrimStart('/'), UriKind.Relative);

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"HTTP {(int)response.StatusCode}: {(body.Length > 300 ? body[..300] : body).ReplaceLineEndings(" ")}", null, response.StatusCode);
        }
    }

}
