using System.Security.Cryptography;
using System.Text;

namespace TiepCongDan.Contracts.Provisioning;

/// <summary>
/// The code a technician types (or scans as a QR code) to open a kiosk's bundle: 20 characters of
/// Crockford base32 (100 random bits) shown as five groups of four. Typing is forgiving: case,
/// spaces and dashes do not matter, O reads as 0 and I or L as 1.
/// </summary>
public static class OneTimeCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Characters = 20;

    public static string Create()
    {
        var bytes = RandomNumberGenerator.GetBytes(Characters);
        var builder = new StringBuilder(Characters + 4);
        for (var i = 0; i < Characters; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                builder.Append('-');
            }

            builder.Append(Alphabet[bytes[i] & 31]);
        }

        return builder.ToString();
    }

    /// <summary>The canonical form (20 upper-case characters), or null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var builder = new StringBuilder(Characters);
        foreach (var raw in typed)
        {
            if (raw is '-' or ' ' or '\t')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }

            builder.Append(c);
        }

        return builder.Length == Characters ? builder.ToString() : null;
    }
}
