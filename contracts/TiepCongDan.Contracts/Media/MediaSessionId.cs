using System.Globalization;
using System.Text.RegularExpressions;

namespace TiepCongDan.Contracts.Media;

/// <summary>
/// A reception session's id: UTC start time, kiosk id and a random suffix
/// ("20261123T025100Z-14-04171-9f3a"), so ids sort by time, name their kiosk and never collide.
/// Safe in file names, URLs and SRT stream ids.
/// </summary>
public static partial class MediaSessionId
{
    public static string New(string kioskId, DateTimeOffset startedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{startedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{kioskId}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2))}");

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>The prefix of a line test's stream: measured by the hub, never archived or bridged.</summary>
    public const string LineTestPrefix = "linetest-";

    /// <summary>A line test's id ("linetest-20261123T025100Z-14-04171-9f3a"): valid as a session id, told apart by its prefix.</summary>
    public static string NewLineTest(string kioskId, DateTimeOffset startedAt) => LineTestPrefix + New(kioskId, startedAt);

    public static bool IsLineTest(string? id) => id is not null && id.StartsWith(LineTestPrefix, StringComparison.Ordinal);

    [GeneratedRegex("^[0-9A-Za-z][0-9A-Za-z._-]{7,79}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
