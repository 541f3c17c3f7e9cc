namespace TiepCongDan.Contracts.Provisioning;

/// <summary>
/// The readable part of a kiosk's provisioning bundle: who the kiosk is, where its hub is, and its
/// public certificates. Signed with the rest of the bundle and bound to the encrypted secrets.
/// </summary>
public sealed record KioskBundlePublic
{
    public required string BundleId { get; init; }

    public required string KioskId { get; init; }

    public required string Province { get; init; }

    public required string Commune { get; init; }

    /// <summary>The hub's HTTP(S) base address (media upload, reception events, enrolment).</summary>
    public required string HubUrl { get; init; }

    public required string MqttHost { get; init; }

    public required int MqttPort { get; init; }

    public bool MqttUseTls { get; init; }

    public required string SrtHost { get; init; }

    public required int SrtPort { get; init; }

    /// <summary>
    /// The NTP servers the kiosk sets its clock from (the province's, else the hub's host): a kiosk
    /// has no real-time clock, and TLS and the recordings' timestamps need the right time. Empty in
    /// bundles made before this existed.
    /// </summary>
    public IReadOnlyList<string> NtpServers { get; init; } = [];

    /// <summary>The kiosk's client certificate (PEM, CN = kiosk id) signed by the fleet CA.</summary>
    public required string ClientCertificatePem { get; init; }

    /// <summary>SHA-256 of the client certificate (hex, upper case), as the hub registered it.</summary>
    public required string CertificateFingerprint { get; init; }

    /// <summary>The fleet CA certificate (PEM): the kiosk's trust anchor for the hub and the bundle.</summary>
    public required string FleetCaCertificatePem { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
