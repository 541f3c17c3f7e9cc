using Microsoft.Extensions.Options;
using TiepCongDan.Contracts.Fleet;

namespace TiepCongDan.Hub.Options;

/// <summary>
/// Checks the whole configuration before anything listens, so a wrong setting stops the hub at
/// start with one sentence naming the key and the fix.
/// </summary>
public sealed class HubOptionsValidator : IValidateOptions<HubOptions>
{
    public ValidateOptionsResult Validate(string? name, HubOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IReadOnlyList<string> Check(HubOptions o)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.DataDirectory))
        {
            errors.Add("Hub:DataDirectory is empty: set a folder the hub may write to, e.g. /var/lib/tcd-hub.");
        }

        if (string.IsNullOrWhiteSpace(o.HostId) || o.HostId.IndexOfAny(['/', '+', '#']) >= 0)
        {
            errors.Add($"Hub:HostId '{o.HostId}' must be a non-empty name without '/', '+' or '#'.");
        }

        CheckHttp(o.Http, errors);
        CheckMqtt(o.Mqtt, errors);
        CheckFleet(o.Fleet, errors);
        HubMediaOptionsValidator.Validate(o.Media, errors);
        ReceptionOptionsValidator.Validate(o.Reception, errors);
        return errors;
    }

    private static void CheckHttp(HttpOptions http, List<string> errors)
    {
        var urls = (http.Urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            errors.Add("Hub:Http:Urls is empty: set at least one address, e.g. http://127.0.0.1:8080.");
        }

        foreach (var url in urls)
        {
            if (!ListenAddress.TryParseHttpUrl(url, out var listen, out var error))
            {
                errors.Add(error);
            }
            else if (!listen!.IsLoopback && !http.AllowNonLoopback)
            {
                errors.Add($"refusing to expose plain HTTP on {listen}: set Hub:Http:AllowNonLoopback=true (behind a TLS reverse proxy) or listen on 127.0.0.1.");
            }
        }
    }

    private static void CheckMqtt(MqttOptions mqtt, List<string> errors)
    {
        if (!mqtt.IsEmbedded && !mqtt.IsExternal)
        {
            errors.Add($"Hub:Mqtt:Mode is '{mqtt.Mode}': use Embedded (the hub's own broker) or External (e.g. Mosquitto).");
            return;
        }

        if (mqtt.IsEmbedded)
        {
            var embedded = mqtt.Embedded;
            if (!ListenAddress.TryParseHost(embedded.BindAddress, out var address))
            {
                errors.Add($"Hub:Mqtt:Embedded:BindAddress '{embedded.BindAddress}' is not an IP address (use 127.0.0.1, or 0.0.0.0 for every interface).");
            }
            else if (!System.Net.IPAddress.IsLoopback(address) && !embedded.AllowNonLoopback)
            {
                errors.Add($"refusing to expose plain MQTT on {address}: set Hub:Mqtt:Embedded:AllowNonLoopback=true or configure TLS (Hub:Mqtt:Tls:CertificatePath) and keep Hub:Mqtt:Embedded:BindAddress on 127.0.0.1.");
            }

            CheckPort("Hub:Mqtt:Embedded:Port", embedded.Port, errors);
            if (embedded.MaxPayloadBytes is < 1024 or > 16 * 1024 * 1024)
            {
                errors.Add($"Hub:Mqtt:Embedded:MaxPayloadBytes is {embedded.MaxPayloadBytes}: use a value from 1024 to 16777216 (default 65536).");
            }

            if (mqtt.Tls.Enabled)
            {
                CheckPort("Hub:Mqtt:Tls:Port", mqtt.Tls.Port, errors);
                if (!File.Exists(mqtt.Tls.CertificatePath))
                {
                    errors.Add($"Hub:Mqtt:Tls:CertificatePath '{mqtt.Tls.CertificatePath}' does not exist: give the hub's PFX file, or leave it empty to turn TLS off.");
                }

                if (!string.IsNullOrWhiteSpace(mqtt.Tls.ClientCaPath) && !File.Exists(mqtt.Tls.ClientCaPath))
                {
                    errors.Add($"Hub:Mqtt:Tls:ClientCaPath '{mqtt.Tls.ClientCaPath}' does not exist: give the fleet CA's PEM file, or leave it empty.");
                }
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(mqtt.External.Host))
            {
                errors.Add("Hub:Mqtt:External:Host is empty: give the broker's host name or IP address.");
            }

            CheckPort("Hub:Mqtt:External:Port", mqtt.External.Port, errors);
        }
    }

    private static void CheckFleet(FleetOptions fleet, List<string> errors)
    {
        foreach (var id in fleet.RevokedKiosks)
        {
            if (!KioskId.IsValid(id))
            {
                errors.Add($"Hub:Fleet:RevokedKiosks contains '{id}', which is not a kiosk id like 14-04171.");
            }
        }

        if (fleet.OfflineGraceSeconds < 10)
        {
            errors.Add($"Hub:Fleet:OfflineGraceSeconds is {fleet.OfflineGraceSeconds}: use at least 10 seconds.");
        }

        if (fleet.HistoryIntervalSeconds is < 1 or > 86400)
        {
            errors.Add($"Hub:Fleet:HistoryIntervalSeconds is {fleet.HistoryIntervalSeconds}: use 1 to 86400 seconds.");
        }

        if (fleet.HistoryRetentionDays is < 1 or > 3650)
        {
            errors.Add($"Hub:Fleet:HistoryRetentionDays is {fleet.HistoryRetentionDays}: use 1 to 3650 days.");
        }
    }

    private static void CheckPort(string key, int port, List<string> errors)
    {
        if (port is < 1 or > 65535)
        {
            errors.Add($"{key} is {port}: use a TCP port from 1 to 65535.");
        }
    }
}
