using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TiepCongDan.Hub.Archive;

/// <summary>
/// manifest.json in its one canonical form: fixed field order, UTC times with milliseconds, UTF-8,
/// two-space indentation, no trailing newline. The signature covers these exact bytes.
/// </summary>
public static class ManifestJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Officials' names stay readable Vietnamese for an auditor opening the file.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Serialize(SessionManifest manifest)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("format", SessionManifest.Format);
            w.WriteNumber("version", manifest.Version);
            w.WriteString("session", manifest.Session);
            w.WriteString("kiosk", manifest.Kiosk);
            w.WriteString("commune", manifest.Commune);
            w.WriteString("province", manifest.Province);
            w.WriteStartArray("officials");
            foreach (var official in manifest.Officials)
            {
                w.WriteStartObject();
                w.WriteString("name", official.Name);
                w.WriteString("role", official.Role);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("start", Time(manifest.Start));
            w.WriteString("end", Time(manifest.End));
            w.WriteString("caseKind", manifest.CaseKind);
            w.WriteString("citizenRef", manifest.CitizenRef);
            w.WriteStartArray("segments");
            foreach (var s in manifest.Segments)
            {
                w.WriteStartObject();
                w.WriteNumber("seq", s.Seq);
                w.WriteString("sha256", s.Sha256);
                w.WriteNumber("bytes", s.Bytes);
                w.WriteNumber("startPts", s.StartPts);
                w.WriteNumber("durationMs", s.DurationMs);
                w.WriteString("chain", s.Chain);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("chainHead", manifest.ChainHead);
            w.WriteString("signedAt", Time(manifest.SignedAt));
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a manifest; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static SessionManifest Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.GetProperty("format").GetString() != SessionManifest.Format)
            {
                throw new FormatException($"The manifest's format is not {SessionManifest.Format}.");
            }

            return new SessionManifest(
                root.GetProperty("version").GetInt32(),
                Text(root, "session"),
                Text(root, "kiosk"),
                Text(root, "commune"),
                Text(root, "province"),
                [.. root.GetProperty("officials").EnumerateArray().Select(o => new Official(Text(o, "name"), Text(o, "role")))],
                ParseTime(Text(root, "start")),
                ParseTime(Text(root, "end")),
                Text(root, "caseKind"),
                Text(root, "citizenRef"),
                [.. root.GetProperty("segments").EnumerateArray().Select(s => new ManifestSegment(
                    s.GetProperty("seq").GetInt32(), Text(s, "sha256"), s.GetProperty("bytes").GetInt64(),
                    s.GetProperty("startPts").GetInt64(), s.GetProperty("durationMs").GetInt64(), Text(s, "chain")))],
                Text(root, "chainHead"),
                ParseTime(Text(root, "signedAt")));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("The manifest is not a readable " + SessionManifest.Format + " document: " + ex.Message, ex);
        }
    }

    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string Text(JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null.");
}
