using System.Security.Cryptography;
using System.Text;

namespace TiepCongDan.Contracts.Fleet;

/// <summary>
/// Per-kiosk MQTT password derived from the fleet's device secret:
/// base64url(HMAC-SHA256(secret, "tcd-mqtt-v1:" + kioskId)). Each kiosk's password differs, the
/// hub stores no password table, and provisioning computes the same value for the kiosk's bundle.
/// Revocation is a list on the hub, not a changed secret.
/// </summary>
public static class DeviceCredentials
{
    private const string Purpose = "tcd-mqtt-v1:";

    public static string DerivePassword(ReadOnlySpan<byte> fleetSecret, string kioskId)
    {
        if (fleetSecret.Length < 16)
        {
            throw new ArgumentException("The fleet device secret must be at least 16 bytes.", nameof(fleetSecret));
        }

        var mac = HMACSHA256.HashData(fleetSecret, Encoding.UTF8.GetBytes(Purpose + kioskId));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Constant-time check of a presented password.</summary>
    public static bool Verify(ReadOnlySpan<byte> fleetSecret, string kioskId, string? presented)
    {
        if (presented is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(DerivePassword(fleetSecret, kioskId));
        var actual = Encoding.UTF8.GetBytes(presented);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
