using System.Text.Encodings.Web;
using System.Text.Json;

namespace TiepCongDan.Contracts.SelfTest;

/// <summary>How kiosk and hub write a report: camelCase (as ASP.NET's web defaults), Vietnamese letters unescaped.</summary>
public static class SelfTestJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonSerializerOptions Indented { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };
}
