using System.Net.Http.Headers;
using TiepCongDan.Edge.Sparkplug;

namespace TiepCongDan.Edge.Media.Upload;

/// <summary>
/// What every kiosk→hub HTTP client shares: the hub's certificate checked against the pinned CA
/// (<see cref="SegmentUploaderSettings.CaCertificatePath"/>, as MQTT does) and HTTP Basic with the
/// kiosk id and its MQTT password.
/// </summary>
public static class KioskHubHttp
{
    /// <summary><paramref name="handler"/> (with the caller's timeouts), trusting the pinned CA when one is set.</summary>
    public static SocketsHttpHandler Pinned(SocketsHttpHandler handler, string? caCertificatePath)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!string.IsNullOrWhiteSpace(caCertificatePath))
        {
            var ca = MqttCertificateFiles.LoadCa(caCertificatePath);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                ServerCertificateCheck.Problem(certificate, errors, ca) is null;
        }

        return handler;
    }

    public static AuthenticationHeaderValue BasicAuthorization(string kioskId, string password) =>
        new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{kioskId}:{password}")));
}
