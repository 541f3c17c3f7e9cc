using System.Net.Http.Json;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Broker;
using TiepCongDan.Hub.Options;
using TiepCongDan.Hub.Provisioning;

namespace TiepCongDan.Hub.Cli;

/// <summary>
/// tcd-hub provision: makes a kiosk's identity, registers it with the hub's API, and writes the
/// sealed bundle for the SD card's boot partition (tcd-kiosk.bundle). Prints the one-time code
/// that opens it; the code is not stored anywhere (decision 0023).
/// </summary>
public static class ProvisionCommand
{
    public const string Usage = """
          tcd-hub provision --province 14 --commune 04171 [--number N] --hub-url URL --mqtt-host HOST
                            [--mqtt-port 8883] [--no-tls] [--srt-host HOST] [--srt-port 9000]
                            [--out tcd-kiosk.bundle] [--data-dir D] [--ca-cert PEM --ca-key PEM]
                            [--api-url URL] [--admin-user admin] [--admin-password-file F]
                            [--ntp HOST,HOST]         (the kiosk's time servers; default the hub's host)
                                                      make a kiosk's identity, register it with the hub, write its
                                                      sealed bundle and print the code that opens it
          tcd-hub kiosk revoke <kioskId> [--reason TEXT] --api-url URL [--admin-user U] [--admin-password-file F]
                                                      revoke a kiosk: MQTT, SRT and its HTTP API refuse it at once
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (options, _) = CliRunner.Parse(args);
        var province = options.GetValueOrDefault("province");
        var commune = options.GetValueOrDefault("commune");
        var number = int.TryParse(options.GetValueOrDefault("number", "0"), out var n) ? n : -1;
        if (!KioskId.IsValidProvince(province) || !KioskId.IsValidCommune(commune) || number is < 0 or > 99)
        {
            stderr.WriteLine("tcd-hub provision: --province (2 digits) and --commune (5 digits) are required; --number 1-99 only for a commune's further kiosk.");
            return CliRunner.ExitUsage;
        }

        var hubUrl = options.GetValueOrDefault("hub-url");
        var mqttHost = options.GetValueOrDefault("mqtt-host");
        if (string.IsNullOrWhiteSpace(hubUrl) || !Uri.TryCreate(hubUrl, UriKind.Absolute, out _) || string.IsNullOrWhiteSpace(mqttHost))
        {
            stderr.WriteLine("tcd-hub provision: --hub-url (e.g. https://hub.tinh14.example) and --mqtt-host are required: they go into the kiosk's configuration.");
            return CliRunner.ExitUsage;
        }

        var useTls = !options.ContainsKey("no-tls");
        if (!TryPort(options, "mqtt-port", useTls ? 8883 : 1883, out var mqttPort) || !TryPort(options, "srt-port", 9000, out var srtPort))
        {
            stderr.WriteLine("tcd-hub provision: --mqtt-port and --srt-port are port numbers 1-65535.");
            return CliRunner.ExitUsage;
        }

        var ntp = (options.GetValueOrDefault("ntp") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ntp.Any(h => Uri.CheckHostName(h) == UriHostNameType.Unknown))
        {
            stderr.WriteLine("tcd-hub provision: --ntp takes host names or IP addresses separated by commas, e.g. --ntp ntp.tinh14.example,10.14.0.1.");
            return CliRunner.ExitUsage;
        }

        using var admin = HubAdminClient.Create(options, hubUrl, stderr, "provision");
        if (admin is null)
        {
            return CliRunner.ExitUsage;
        }

        var dataDirectory = CliRunner.DataDirectory(options);
        var secret = FleetSecret.LoadOrCreate(new FleetOptions().DeviceSecretPath(dataDirectory));
        using var ca = FleetCertificateAuthority.LoadOrCreate(
            options.GetValueOrDefault("ca-cert") ?? Path.Combine(dataDirectory, FleetCertificateAuthority.CertificateFileName),
            options.GetValueOrDefault("ca-key") ?? Path.Combine(dataDirectory, FleetCertificateAuthority.KeyFileName),
            TimeProvider.System);
        var kiosk = KioskProvisioner.Create(new ProvisioningRequest
        {
            Province = province!,
            Commune = commune!,
            Number = number,
            HubUrl = hubUrl,
            MqttHost = mqttHost,
            MqttPort = mqttPort,
            MqttUseTls = useTls,
            SrtHost = options.GetValueOrDefault("srt-host"),
            SrtPort = srtPort,
            NtpServers = ntp,
        }, secret, ca, TimeProvider.System);

        var registration = new RegisterKioskRequest(kiosk.Public.KioskId, province, commune, kiosk.Public.CertificateFingerprint);
        HttpResponseMessage response;
        try
        {
            response = await admin.PostAsJsonAsync("api/kiosks/register", registration);
        }
        catch (HttpRequestException ex)
        {
            stderr.WriteLine($"tcd-hub provision: cannot reach the hub at {admin.BaseAddress} ({ex.Message}); no bundle written.");
            return 1;
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                stderr.WriteLine($"tcd-hub provision: the hub refused to register {kiosk.Public.KioskId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}; no bundle written.");
                return 1;
            }
        }

        var output = Path.GetFullPath(options.GetValueOrDefault("out") ?? "tcd-kiosk.bundle");
        if (File.Exists(output))
        {
            File.Delete(output);
        }

        FleetCertificateAuthority.WritePrivate(output, System.Text.Encoding.UTF8.GetString(kiosk.Bundle));
        stdout.WriteLine($"Kiosk: {kiosk.Public.KioskId}");
        stdout.WriteLine($"Bundle: {output} (copy it to the SD card's boot partition as tcd-kiosk.bundle)");
        stdout.WriteLine($"Certificate SHA-256: {kiosk.Public.CertificateFingerprint}");
        stdout.WriteLine($"Mã kích hoạt / Activation code: {kiosk.OneTimeCode}");
        stdout.WriteLine("Give the code to the technician separately from the card; it is shown only now.");
        return 0;
    }

    private static bool TryPort(Dictionary<string, string> options, string name, int fallback, out int port)
    {
        port = fallback;
        return !options.TryGetValue(name, out var text) || (int.TryParse(text, out port) && port is > 0 and < 65536);
    }
}
