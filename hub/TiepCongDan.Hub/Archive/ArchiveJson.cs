using System.Text.Encodings.Web;
using System.Text.Json;

namespace TiepCongDan.Hub.Archive;

/// <summary>JSON options of the archive's own files and reports (camelCase, readable Vietnamese).</summary>
internal static class ArchiveJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
