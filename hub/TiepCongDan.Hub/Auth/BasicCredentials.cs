using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace TiepCongDan.Hub.Auth;

/// <summary>The user name and password of an HTTP Basic Authorization header (RFC 7617), for both the operators' and the kiosks' schemes.</summary>
public readonly record struct BasicCredentials(string Username, string Password)
{
    public enum Outcome
    {
        /// <summary>No Basic header: another scheme may handle the request.</summary>
        Absent,
        Malformed,
        Present,
    }

    public static Outcome TryRead(HttpRequest request, out BasicCredentials credentials)
    {
        credentials = default;
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return Outcome.Absent;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return Outcome.Malformed;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return Outcome.Malformed;
        }

        credentials = new BasicCredentials(decoded[..colon], decoded[(colon + 1)..]);
        return Outcome.Present;
    }
}
