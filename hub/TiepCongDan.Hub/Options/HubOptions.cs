namespace TiepCongDan.Hub.Options;

/// <summary>The "Hub" configuration section. Every key is documented in hub/README.md.</summary>
public sealed class HubOptions
{
    public const string SectionName = "Hub";

    /// <summary>Where the hub keeps its SQLite database, the fleet secret and logs; relative paths are from the working directory.</summary>
    public string DataDirectory { get; set; } = "./.state/hub";

    /// <summary>The Sparkplug primary host id (topic spBv1.0/STATE/{HostId}).</summary>
    public string HostId { get; set; } = "tcd-hub";

    public HttpOptions Http { get; set; } = new();

    public MqttOptions Mqtt { get; set; } = new();

    public FleetOptions Fleet { get; set; } = new();

    public HubMediaOptions Media { get; set; } = new();

    public ReceptionOptions Reception { get; set; } = new();

    /// <summary>DataDirectory made absolute against the working directory.</summary>
    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);
}
