using System.Security.Claims;
using TiepCongDan.Contracts.Fleet;

namespace TiepCongDan.Hub.Auth;

/// <summary>
/// A user's provinces as stored and carried in the principal: 2-digit codes joined by ','
/// ("14,15"), or "" for every province. Parsing, checking and the claim's name live here.
/// </summary>
public static class ProvinceScope
{
    /// <summary>The claim carrying the stored text ("" = all provinces).</summary>
    public const string ClaimType = "tcd:provinces";

    /// <summary>The most provinces a list may name (Vietnam has 34 since 2025; 63 before).</summary>
    public const int MaxProvinces = 70;

    /// <summary>Normalises "14, 15 14" to "14,15"; "", null and "all" mean every province (""). False with a sentence when a code is not 2 digits.</summary>
    public static bool TryNormalize(string? text, out string normalized, out string? error)
    {
        normalized = string.Empty;
        error = null;
        if (string.IsNullOrWhiteSpace(text) || string.Equals(text.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var code in text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!KioskId.IsValidProvince(code))
            {
                error = $"provinces must be 2-digit province codes separated by ',' (e.g. 14,15), or empty for all; '{code}' is not one.";
                return false;
            }

            codes.Add(code);
        }

        if (codes.Count > MaxProvinces)
        {
            error = $"at most {MaxProvinces} provinces.";
            return false;
        }

        normalized = string.Join(',', codes);
        return true;
    }

    /// <summary>The set a stored text names; null = every province.</summary>
    public static IReadOnlySet<string>? Parse(string? stored) =>
        string.IsNullOrEmpty(stored) ? null : new HashSet<string>(stored.Split(',', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    /// <summary>The set a principal carries; null = every province, empty = none (a principal without the claim is unknown to this hub).</summary>
    public static IReadOnlySet<string>? FromClaim(ClaimsPrincipal user) =>
        user.FindFirst(ClaimType) is { } claim ? Parse(claim.Value) : new HashSet<string>(StringComparer.Ordinal);

    public static bool Allows(this IReadOnlySet<string>? allowed, string? province) =>
        allowed is null || (province is not null && allowed.Contains(province));

    /// <summary>A kiosk's province is the first two digits of its id (the registry and provisioning insist on it).</summary>
    public static bool AllowsKiosk(this IReadOnlySet<string>? allowed, string? kioskId) =>
        allowed is null || (KioskId.IsValid(kioskId) && allowed.Contains(kioskId![..2]));

    /// <summary>Whether a comma list of provinces ("" = not a province's) shares a province with the set; "" only for all-provinces users.</summary>
    public static bool AllowsAny(this IReadOnlySet<string>? allowed, string? provinces) =>
        allowed is null || (!string.IsNullOrEmpty(provinces) && provinces.Split(',').Any(allowed.Contains));

    /// <summary>The province a session id names ("20261123T025100Z-14-04171-9f3a", optionally after "linetest-"), or null.</summary>
    public static string? OfSessionId(string? sessionId)
    {
        if (sessionId is null)
        {
            return null;
        }

        if (sessionId.StartsWith(Contracts.Media.MediaSessionId.LineTestPrefix, StringComparison.Ordinal))
        {
            sessionId = sessionId[Contracts.Media.MediaSessionId.LineTestPrefix.Length..];
        }

        var parts = sessionId.Split('-');
        return parts.Length >= 3 && KioskId.IsValidProvince(parts[1]) ? parts[1] : null;
    }
}
