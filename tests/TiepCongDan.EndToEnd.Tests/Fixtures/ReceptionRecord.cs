using System.Text.Json;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// One session of the hub's reception register (GET /api/reception/sessions/{id}), read through
/// its JSON so a test sees exactly what an operator's client would. <see cref="ToString"/> is the
/// whole record, so a failed wait prints it.
/// </summary>
public sealed class ReceptionRecord
{
    private ReceptionRecord(JsonElement root, string json)
    {
        Root = root;
        Json = json;
    }

    public JsonElement Root { get; }

    public string Json { get; }

    public string SessionId => Text("sessionId") ?? throw new InvalidOperationException($"A register record without sessionId: {Json}");

    public string? KioskId => Text("kioskId");

    public string? Commune => Text("commune");

    public string? Staff => Text("staff");

    public string? CitizenName => Text("citizenName");

    public string? CitizenIdMasked => Text("citizenIdMasked");

    public string? CaseKind => Text("caseKind");

    public string? CaseKindName => Text("caseKindName");

    public string? State => Text("state");

    public string? Outcome => Text("outcome");

    public string? Rating => Text("rating");

    public string? RatingName => Text("ratingName");

    public string? StartedAt => Text("startedAt");

    public string? LiveAt => Text("liveAt");

    public string? EndedAt => Text("endedAt");

    public long? CardToLiveMs => Number("cardToLiveMs");

    public long? ButtonToLiveMs => Number("buttonToLiveMs");

    public string? ArchiveReference => Text("archiveReference");

    public bool ArchiveSealed => Root.TryGetProperty("archiveSealed", out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>The full citizen (detail only); null when the session has none (staff vouched) or the list was read.</summary>
    public JsonElement? Citizen => Root.TryGetProperty("citizen", out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    /// <summary>The session's transitions as the hub holds them (detail only).</summary>
    public IReadOnlyList<JsonElement> Events => Root.TryGetProperty("events", out var value) && value.ValueKind == JsonValueKind.Array
        ? [.. value.EnumerateArray()]
        : [];

    public static ReceptionRecord Parse(JsonElement element) => new(element.Clone(), element.GetRawText());

    public static ReceptionRecord Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement);
    }

    public string? Text(string name) =>
        Root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public long? Number(string name) =>
        Root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;

    public static string? TextOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public override string ToString() => Json;
}
