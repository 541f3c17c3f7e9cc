using System.Text.Json;

namespace TiepCongDan.Edge.Reception.Journal;

/// <summary>The wire format (web defaults: camelCase), used for the rows too so a row is what was sent.</summary>
internal static class JournalJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
