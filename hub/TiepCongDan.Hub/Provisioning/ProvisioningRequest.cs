namespace TiepCongDan.Hub.Provisioning;

/// <summary>What a technician's provisioning run asks for: where the kiosk stands and where its hub is.</summary>
public sealed record ProvisioningRequest
{
    public required string Province { get; init; }

    public required string Commune { get; init; }

    /// <summary>0 for the commune's only kiosk; 1-99 for a further one (14-04171-02).</summary>
    public int Number { get; init; }

    public required string HubUrl { get; init; }

    public required string MqttHost { get; init; }

    public int MqttPort { get; init; } = 8883;

    public bool MqttUseTls { get; init; } = true;

    public string? SrtHost { get; init; }

    public int SrtPort { get; init; } = 9000;

    /// <summary>NTP servers for the kiosk's clock; empty: the hub's host (HubUrl's host name).</summary>
    public IReadOnlyList<string> NtpServers { get; init; } = [];
}
