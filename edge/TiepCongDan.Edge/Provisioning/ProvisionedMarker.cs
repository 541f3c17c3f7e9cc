namespace TiepCongDan.Edge.Provisioning;

/// <summary>provisioned.json: the installed bundle's id and kiosk, when it was installed and whether the hub confirmed enrolment.</summary>
public sealed record ProvisionedMarker(string BundleId, string KioskId, string HubUrl, DateTimeOffset InstalledAt, DateTimeOffset? EnrolledAt);
