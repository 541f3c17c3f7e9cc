using System.Text.RegularExpressions;

namespace TiepCongDan.Contracts.Fleet;

/// <summary>
/// Kiosk ids and province codes as used in topics, certificates and stream ids.
/// A kiosk id is <c>{province}-{commune}[-{n}]</c>: the 2-digit province code, the 5-digit
/// commune/ward code, and an optional 2-digit number when a commune has more than one kiosk,
/// e.g. <c>14-04171</c> or <c>14-04171-02</c>. Only digits and '-', so it is safe in MQTT topics,
/// file names and SRT stream ids.
/// </summary>
public static partial class KioskId
{
    [GeneratedRegex(@"^[0-9]{2}-[0-9]{5}(-[0-9]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex KioskIdPattern();

    [GeneratedRegex(@"^[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProvinceCodePattern();

    [GeneratedRegex(@"^[0-9]{5}$", RegexOptions.CultureInvariant)]
    private static partial Regex CommuneCodePattern();

    public static bool IsValid(string? kioskId) => kioskId is not null && KioskIdPattern().IsMatch(kioskId);

    public static bool IsValidProvince(string? code) => code is not null && ProvinceCodePattern().IsMatch(code);

    public static bool IsValidCommune(string? code) => code is not null && CommuneCodePattern().IsMatch(code);

    public static string Create(string provinceCode, string communeCode, int number = 0)
    {
        if (!IsValidProvince(provinceCode))
        {
            throw new ArgumentException($"Province code '{provinceCode}' must be 2 digits.", nameof(provinceCode));
        }

        if (!IsValidCommune(communeCode))
        {
            throw new ArgumentException($"Commune code '{communeCode}' must be 5 digits.", nameof(communeCode));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 99);
        return number == 0 ? $"{provinceCode}-{communeCode}" : $"{provinceCode}-{communeCode}-{number:00}";
    }

    /// <summary>The province code a kiosk id starts with; the kiosk must publish under that Sparkplug group.</summary>
    public static string ProvinceOf(string kioskId) =>
        IsValid(kioskId) ? kioskId[..2] : throw new ArgumentException($"'{kioskId}' is not a kiosk id.", nameof(kioskId));
}
