
namespace TiepCongDan.Edge.Provisioning;

/// <summary>POST {hub}/api/kiosks/enroll with the kiosk's own credentials, so the hub marks it enrolled.</summary>
internal static class KioskEnroller
{
    public const string EnrollPath = "api/kiosks/enroll";

    /// <summary>Null on success, else a sentence saying why (the hub is unreachable, refused, ...).</summary>
    public static async Task<string?> EnrollAsync(string hubUrl, string kioskId, string mqttPassword, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.Timeout = TimeSpan.FromSeconds(20);
        client.BaseAddress = new Uri(hubUrl.TrimEnd('/') + "/");
        client.DefaultRequestHeaders.Authorization = Media.Upload.KioskHubHttp.BasicAuthorization(kioskId, mqttPassword);
        try
        {
            using var response = await client.PostAsync(EnrollPath, content: null, cancellationToken);
            return response.IsSuccessStatusCode
                ? null
                : $"the hub answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
        }
        catch (HttpRequestException ex)
        {
            return $"the hub at {hubUrl} cannot be reached ({ex.Message})";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the hub at {hubUrl} did not answer within 20 s";
        }
    }
}
