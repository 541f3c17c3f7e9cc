namespace TiepCongDan.Hub.Options;

public sealed class MqttOptions
{
    public const string EmbeddedMode = "Embedded";
    public const string ExternalMode = "External";

    /// <summary>"Embedded" (the hub's own broker inside Kestrel) or "External" (e.g. Mosquitto). A string so a typo gets our message, not the binder's.</summary>
    public string Mode { get; set; } = EmbeddedMode;

    public EmbeddedBrokerOptions Embedded { get; set; } = new();

    public MqttTlsOptions Tls { get; set; } = new();

    public ExternalBrokerOptions External { get; set; } = new();

    public bool IsEmbedded => string.Equals(Mode, EmbeddedMode, StringComparison.OrdinalIgnoreCase);

    public bool IsExternal => string.Equals(Mode, ExternalMode, StringComparison.OrdinalIgnoreCase);
}
