namespace TiepCongDan.Edge.Options;

/// <summary>
/// Configuration of one kiosk's edge service (section "Edge"). Validated at start by
/// <see cref="EdgeOptionsValidator"/> so a wrong value stops the unit with a readable sentence.
/// </summary>
public sealed class EdgeOptions
{
    public const string SectionName = "Edge";

    /// <summary>This kiosk's id, e.g. "14-04171"; also the MQTT client id, user name and Sparkplug edge node id.</summary>
    public string KioskId { get; set; } = string.Empty;

    /// <summary>Optional; when set it must equal the kiosk id's province (a guard against copying the wrong config).</summary>
    public string? ProvinceCode { get; set; }

    /// <summary>Optional; defaults to the 5-digit commune part of the kiosk id.</summary>
    public string? CommuneCode { get; set; }

    /// <summary>Where the SQLite store, logs and the simulated-device control file live.</summary>
    public string DataDirectory { get; set; } = "/var/lib/tcd-edge";

    public EdgeMqttOptions Mqtt { get; set; } = new();

    public EdgeHealthOptions Health { get; set; } = new();

    public EdgeOutboxOptions Outbox { get; set; } = new();

    public EdgeDevicesOptions Devices { get; set; } = new();

    public EdgeLoggingOptions Logging { get; set; } = new();

    public EdgeNodeControlOptions NodeControl { get; set; } = new();

    public EdgeMediaOptions Media { get; set; } = new();

    public string MediaDirectory => string.IsNullOrWhiteSpace(Media.Store.Directory) ? Path.Combine(DataDirectory, "media") : Media.Store.Directory;

    public string MediaKeyPath => string.IsNullOrWhiteSpace(Media.Store.KeyPath) ? Path.Combine(DataDirectory, "keys", "media.key") : Media.Store.KeyPath;

    public string SrtHost => string.IsNullOrWhiteSpace(Media.Srt.Host) ? Mqtt.Host : Media.Srt.Host;

    public string HubUrl => string.IsNullOrWhiteSpace(Media.Upload.HubUrl) ? $"http://{Mqtt.Host}:8080" : Media.Upload.HubUrl;

    /// <summary>The province code the kiosk publishes under (Sparkplug group id).</summary>
    public string Province => Contracts.Fleet.KioskId.ProvinceOf(KioskId);

    /// <summary>The commune code: configured, or taken from the kiosk id.</summary>
    public string Commune => string.IsNullOrWhiteSpace(CommuneCode) ? KioskId.Substring(3, 5) : CommuneCode;

    public string MqttUsername => string.IsNullOrWhiteSpace(Mqtt.Username) ? KioskId : Mqtt.Username;

    public string HealthDataPartitionPath => string.IsNullOrWhiteSpace(Health.DataPartitionPath) ? DataDirectory : Health.DataPartitionPath;

    public string LogFilePath => string.IsNullOrWhiteSpace(Logging.FilePath)
        ? Path.Combine(DataDirectory, "logs", "edge-.log")
        : Logging.FilePath;

    public string DatabasePath => Path.Combine(DataDirectory, "edge.db");

    public string SimulatedDevicesFile => Path.Combine(DataDirectory, "simulated-devices.json");
}
