using System.Text.RegularExpressions;

namespace TiepCongDan.Hub.Archive;

/// <summary>
/// The reference tying a session to a citizen. It is opaque: a case number from the reception book
/// ("2026/TCD-0412") or an HMAC of the ID number computed by the office's own system. The raw CCCD/CMND
/// number is personal data that must never enter the archive, its manifests or its logs, so anything
/// that is only 9 or 12 digits (the shape of an ID number) is refused.
/// </summary>
public static partial class CitizenReference
{
    public const int MaxLength = 128;

    /// <summary>Null when acceptable (empty means "none yet"), otherwise the reason in English.</summary>
    public static string? Problem(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        if (reference.Length > MaxLength)
        {
            return $"citizenRef is longer than {MaxLength} characters.";
        }

        if (IdNumberShape().IsMatch(reference))
        {
            return "citizenRef looks like a raw CCCD/CMND number; store a case number or an HMAC of the ID number instead.";
        }

        return reference.Any(char.IsControl) ? "citizenRef contains control characters." : null;
    }

    [GeneratedRegex(@"^\s*([0-9]{9}|[0-9]{12})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdNumberShape();
}
