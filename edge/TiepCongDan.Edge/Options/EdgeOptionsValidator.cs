using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Sparkplug;

namespace TiepCongDan.Edge.Options;

/// <summary>
/// Checks <see cref="EdgeOptions"/> at start. Each failure is one sentence naming the setting, the
/// wrong value and what is expected, because the reader is a technician at a commune office.
/// Also creates the data directory and proves it is writable: finding out at the first offline
/// record would be too late.
/// </summary>
public sealed class EdgeOptionsValidator : IValidateOptions<EdgeOptions>
{
    public ValidateOptionsResult Validate(string? name, EdgeOptions options)
    {
        var failures = new List<string>();
        ValidateIdentity(options, failures);
        ValidateMqtt(options.Mqtt, failures);
        ValidateTlsFiles(options.Mqtt, options.KioskId, failures);
        ValidateHealth(options.Health, failures);

        if (options.Outbox.MaxRecords < 1)
        {
            failures.Add($"Edge:Outbox:MaxRecords is {options.Outbox.MaxRecords}: it must be at least 1.");
        }

        if (!EdgeDevicesOptions.AllowedModes.Contains(options.Devices.Mode, StringComparer.Ordinal))
        {
            failures.Add($"Edge:Devices:Mode '{options.Devices.Mode}' is not supported: allowed values are {string.Join(", ", EdgeDevicesOptions.AllowedModes)}.");
        }

        if (options.Logging.FileSizeLimitBytes < 64 * 1024)
        {
            failures.Add($"Edge:Logging:FileSizeLimitBytes is {options.Logging.FileSizeLimitBytes}: it must be at least 65536.");
        }

        if (options.Logging.RetainedFileCount < 1)
        {
            failures.Add($"Edge:Logging:RetainedFileCount is {options.Logging.RetainedFileCount}: keep at least 1 file.");
        }

        EdgeMediaOptionsValidator.Validate(options.Media, failures);
        ValidateDataDirectory(options.DataDirectory, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateIdentity(EdgeOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.KioskId))
        {
            failures.Add("Edge:KioskId is missing: set it to this kiosk's id, e.g. 14-04171 (2-digit province, '-', 5-digit commune).");
            return;
        }

        if (!KioskId.IsValid(options.KioskId))
        {
            failures.Add($"Edge:KioskId '{options.KioskId}' is not a kiosk id: expected 2-digit province, '-', 5-digit commune, e.g. 14-04171.");
            return;
        }

        var province = KioskId.ProvinceOf(options.KioskId);
        if (!string.IsNullOrWhiteSpace(options.ProvinceCode) && options.ProvinceCode != province)
        {
            failures.Add($"Edge:ProvinceCode '{options.ProvinceCode}' does not match Edge:KioskId '{options.KioskId}' (province {province}): correct one of them or leave ProvinceCode empty.");
        }

        if (!string.IsNullOrWhiteSpace(options.CommuneCode) && !KioskId.IsValidCommune(options.CommuneCode))
        {
            failures.Add($"Edge:CommuneCode '{options.CommuneCode}' is not a commune code: expected 5 digits, e.g. 04171.");
        }
    }

    private static void ValidateMqtt(EdgeMqttOptions mqtt, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(mqtt.Host))
        {
            failures.Add("Edge:Mqtt:Host is empty: set the hub's MQTT host name or address.");
        }

        if (mqtt.Port is < 1 or > 65535)
        {
            failures.Add($"Edge:Mqtt:Port {mqtt.Port} is not a TCP port: use 1..65535 (1883 plain, 8883 TLS).");
        }

        if (string.IsNullOrEmpty(mqtt.Password) && string.IsNullOrWhiteSpace(mqtt.PasswordFile))
        {
            // A client certificate proves the kiosk's identity on its own (the hub's TLS listener accepts it).
            if (!mqtt.HasClientCertificate)
            {
                failures.Add("Edge:Mqtt:Password or Edge:Mqtt:PasswordFile is required: the hub accepts only kiosks with their MQTT password (or a client certificate: Edge:Mqtt:ClientCertificatePath and Edge:Mqtt:ClientKeyPath).");
            }
        }
        else if (string.IsNullOrEmpty(mqtt.Password) && mqtt.PasswordFile is { } file)
        {
            ValidatePasswordFile(file, failures);
        }

        if (mqtt.KeepAliveSeconds is < 5 or > 1200)
        {
            failures.Add($"Edge:Mqtt:KeepAliveSeconds {mqtt.KeepAliveSeconds} is out of range: use 5..1200 seconds.");
        }

        if (mqtt.ReconnectMinDelayMs < 10 || mqtt.ReconnectMaxDelayMs < mqtt.ReconnectMinDelayMs)
        {
            failures.Add($"Edge:Mqtt:ReconnectMinDelayMs ({mqtt.ReconnectMinDelayMs}) must be at least 10 and not above Edge:Mqtt:ReconnectMaxDelayMs ({mqtt.ReconnectMaxDelayMs}).");
        }

        if (mqtt.ConnectionCheckSeconds is < 1 or > 600)
        {
            failures.Add($"Edge:Mqtt:ConnectionCheckSeconds {mqtt.ConnectionCheckSeconds} is out of range: use 1..600 seconds.");
        }
    }

    private static void ValidateTlsFiles(EdgeMqttOptions mqtt, string kioskId, List<string> failures)
    {
        var hasCa = !string.IsNullOrWhiteSpace(mqtt.CaCertificatePath);
        if ((hasCa || mqtt.HasClientCertificate) && !mqtt.UseTls)
        {
            failures.Add("Edge:Mqtt:CaCertificatePath, ClientCertificatePath and ClientKeyPath only work over TLS: set Edge:Mqtt:UseTls to true (and Edge:Mqtt:Port to the hub's TLS port, usually 8883).");
        }

        if (hasCa && ExistingFile("Edge:Mqtt:CaCertificatePath", mqtt.CaCertificatePath!, "copy the province CA certificate (PEM) there", failures))
        {
            try
            {
                using var ca = MqttCertificateFiles.LoadCa(mqtt.CaCertificatePath!);
            }
            catch (Exception ex) when (ex is CryptographicException or ArgumentException or FormatException)
            {
                failures.Add($"Edge:Mqtt:CaCertificatePath '{mqtt.CaCertificatePath}' is not a PEM certificate ({ex.Message}): it must start with '-----BEGIN CERTIFICATE-----'.");
            }
        }

        if (!mqtt.HasClientCertificate)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(mqtt.ClientCertificatePath) || string.IsNullOrWhiteSpace(mqtt.ClientKeyPath))
        {
            failures.Add("Edge:Mqtt:ClientCertificatePath and Edge:Mqtt:ClientKeyPath go together: set both (the kiosk's certificate and its private key, PEM) or neither.");
            return;
        }

        var certificateExists = ExistingFile("Edge:Mqtt:ClientCertificatePath", mqtt.ClientCertificatePath, "copy the kiosk's certificate (PEM) there", failures);
        var keyExists = ExistingFile("Edge:Mqtt:ClientKeyPath", mqtt.ClientKeyPath, "copy the kiosk's private key (PEM) there", failures);
        if (!certificateExists || !keyExists)
        {
            return;
        }

        try
        {
            using var certificate = MqttCertificateFiles.LoadClient(mqtt.ClientCertificatePath, mqtt.ClientKeyPath);
            var commonName = MqttCertificateFiles.CommonName(certificate);
            if (KioskId.IsValid(kioskId) && commonName != kioskId)
            {
                failures.Add($"Edge:Mqtt:ClientCertificatePath '{mqtt.ClientCertificatePath}' belongs to kiosk '{commonName}' (its CN), not to this kiosk '{kioskId}' (Edge:KioskId): the hub would refuse it; install this kiosk's own certificate.");
            }
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or FormatException)
        {
            failures.Add($"Edge:Mqtt:ClientCertificatePath '{mqtt.ClientCertificatePath}' and Edge:Mqtt:ClientKeyPath '{mqtt.ClientKeyPath}' cannot be loaded as a PEM certificate with its private key ({ex.Message}): check that the key belongs to the certificate and is not encrypted.");
        }
    }

    /// <summary>True when the file exists and can be read; otherwise adds a failure naming the setting.</summary>
    private static bool ExistingFile(string setting, string path, string fix, List<string> failures)
    {
        try
        {
            if (!File.Exists(path))
            {
                failures.Add($"{setting} '{path}' does not exist: {fix} or fix the path.");
                return false;
            }

            using var stream = File.OpenRead(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failures.Add($"{setting} '{path}' cannot be read ({ex.Message}): check its permissions (the service user must read it).");
            return false;
        }
    }

    private static void ValidatePasswordFile(string file, List<string> failures)
    {
        try
        {
            if (!File.Exists(file))
            {
                failures.Add($"Edge:Mqtt:PasswordFile '{file}' does not exist: copy the kiosk's password file there or fix the path.");
            }
            else if (string.IsNullOrWhiteSpace(File.ReadAllText(file)))
            {
                failures.Add($"Edge:Mqtt:PasswordFile '{file}' is empty: it must hold the kiosk's MQTT password.");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failures.Add($"Edge:Mqtt:PasswordFile '{file}' cannot be read ({ex.Message}): check its permissions.");
        }
    }

    private static void ValidateHealth(EdgeHealthOptions health, List<string> failures)
    {
        if (health.SampleIntervalSeconds is < 1 or > 3600)
        {
            failures.Add($"Edge:Health:SampleIntervalSeconds {health.SampleIntervalSeconds} is out of range: use 1..3600 seconds.");
        }

        if (health.ReportIntervalSeconds < health.SampleIntervalSeconds)
        {
            failures.Add($"Edge:Health:ReportIntervalSeconds {health.ReportIntervalSeconds} must not be shorter than Edge:Health:SampleIntervalSeconds ({health.SampleIntervalSeconds}).");
        }

        if (health.LowDiskBytes < 0)
        {
            failures.Add($"Edge:Health:LowDiskBytes {health.LowDiskBytes} must not be negative.");
        }
    }

    private static void ValidateDataDirectory(string directory, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            failures.Add("Edge:DataDirectory is empty: set a writable folder, e.g. /var/lib/tcd-edge.");
            return;
        }

        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            failures.Add($"Edge:DataDirectory '{directory}' is not writable ({ex.Message}): create it and give the service user write access.");
        }
    }
}
