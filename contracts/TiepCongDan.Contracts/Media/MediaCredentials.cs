using System.Security.Cryptography;
using System.Text;

namespace TiepCongDan.Contracts.Media;

/// <summary>
/// Per-kiosk SRT passphrase derived from the fleet's device secret, like the MQTT password:
/// base64url(HMAC-SHA256(secret, "tcd-srt-v1:" + kioskId)), 43 characters (SRT allows 10-79).
/// Provisioning writes it into the kiosk's bundle; the hub derives it again when the kiosk calls,
/// so no passphrase table exists anywhere.
/// </summary>
public static class MediaCredentials
{
    private const string Purpose = "tcd-srt-v1:";

    public static string DeriveSrtPassphrase(ReadOnlySpan<byte> fleetSecret, string kioskId)
    {
        if (fleetSecret.Length < 16)
        {
            throw new ArgumentException("The fleet device secret must be at least 16 bytes.", nameof(fleetSecret));
        }

        var mac = HMACSHA256.HashData(fleetSecret, Encoding.UTF8.GetBytes(Purpose + kioskId));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
