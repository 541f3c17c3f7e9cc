namespace TiepCongDan.Hub.Options;

public sealed class EmbeddedBrokerOptions
{
    /// <summary>Address of the plain (non-TLS) MQTT listener.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    /// <summary>Must be true to listen with plain MQTT on a non-loopback address.</summary>
    public bool AllowNonLoopback { get; set; }

    /// <summary>Publishes larger than this are refused and counted.</summary>
    public int MaxPayloadBytes { get; set; } = 64 * 1024;
}
