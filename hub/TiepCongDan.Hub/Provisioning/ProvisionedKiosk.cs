using TiepCongDan.Contracts.Provisioning;

namespace TiepCongDan.Hub.Provisioning;

/// <summary>A provisioned kiosk: the bundle file's bytes and the one-time code that opens it (shown once, never stored).</summary>
public sealed record ProvisionedKiosk(KioskBundlePublic Public, byte[] Bundle, string OneTimeCode);
