using System.Text.Json;

namespace TiepCongDan.Hub.Tests.Access;

internal static class AccessJson
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
