using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Hub.Tests.Infrastructure;

namespace TiepCongDan.Hub.Tests.Media;

/// <summary>A kiosk speaking SegmentUploadProtocol by hand (raw HTTP), to test the hub's answers exactly.</summary>
public sealed class MediaKiosk : IDisposable
{
    public MediaKiosk(TestHub hub, string kioskId, string? password = null)
    {
        KioskId = kioskId;
        Http = hub.Client(kioskId, password ?? hub.KioskPassword(kioskId));
    }

    public string KioskId { get; }

    public HttpClient Http { get; }

    public static byte[] RandomSegment(int bytes) => RandomNumberGenerator.GetBytes(bytes);

    public static string Sha(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public async Task<string> DeclareAsync(long? endedAtMs = null, int? segmentCount = null)
    {
        var sessionId = MediaSessionId.New(KioskId, DateTimeOffset.UtcNow);
        using var response = await PutAsync(sessionId, new SessionDeclaration(KioskId, 1_763_866_260_000, endedAtMs, segmentCount));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return sessionId;
    }

    public Task<HttpResponseMessage> PutAsync(string sessionId, SessionDeclaration declaration) =>
        Http.PutAsJsonAsync(SegmentUploadProtocol.Session(sessionId), declaration);

    public async Task<SessionSegmentsResponse> ListAsync(string sessionId)
    {
        using var response = await Http.GetAsync(SegmentUploadProtocol.Segments(sessionId));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SessionSegmentsResponse>())!;
    }

    public Task<HttpResponseMessage> HeadAsync(string sessionId, int sequence) =>
        Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, SegmentUploadProtocol.Segment(sessionId, sequence)));

    /// <summary>PATCH of whole[offset..offset+count) with the headers a kiosk sends; any header can be overridden (null value = omitted).</summary>
    public Task<HttpResponseMessage> PatchAsync(string sessionId, int sequence, byte[] whole, long offset, int count,
        IReadOnlyDictionary<string, string?>? overrides = null, string? sequenceText = null)
    {
        var content = new ByteArrayContent(whole, (int)offset, count);
        content.Headers.ContentType = new MediaTypeHeaderValue(SegmentUploadProtocol.ContentType);
        var path = sequenceText is null ? SegmentUploadProtocol.Segment(sessionId, sequence) : SegmentUploadProtocol.Segments(sessionId) + "/" + sequenceText;
        var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = content };
        var headers = new Dictionary<string, string?>
        {
            [SegmentUploadProtocol.UploadOffsetHeader] = offset.ToString(CultureInfo.InvariantCulture),
            [SegmentUploadProtocol.UploadLengthHeader] = whole.Length.ToString(CultureInfo.InvariantCulture),
            [SegmentUploadProtocol.Sha256Header] = Sha(whole),
            [SegmentUploadProtocol.StartPtsHeader] = "900000",
            [SegmentUploadProtocol.DurationMsHeader] = "6000",
        };
        foreach (var (name, value) in overrides ?? new Dictionary<string, string?>())
        {
            headers[name] = value;
        }

        foreach (var (name, value) in headers)
        {
            if (value is not null)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return Http.SendAsync(request);
    }

    public static long? Offset(HttpResponseMessage response) =>
        response.Headers.TryGetValues(SegmentUploadProtocol.UploadOffsetHeader, out var values) ? long.Parse(values.First(), CultureInfo.InvariantCulture) : null;

    public void Dispose() => Http.Dispose();
}
