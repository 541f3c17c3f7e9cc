namespace TiepCongDan.Contracts.Provisioning;

/// <summary>A bundle after it was verified and opened: its public part and its secrets.</summary>
public sealed record KioskBundleContents(KioskBundlePublic Public, KioskBundleSecrets Secrets);
