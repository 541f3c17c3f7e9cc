namespace TiepCongDan.Contracts.Media;

/// <summary>
/// How a kiosk fills the hub's archive with the segments the live stream lost (tus-like, over the
/// hub's HTTPS API, kiosk authenticated with HTTP Basic: kiosk id and its MQTT password).
/// <list type="number">
/// <item><c>PUT {Session}</c> with <see cref="SessionDeclaration"/>: the session exists (again on every
/// retry; idempotent). Sent at start and again with EndedAtMs and SegmentCount when it ends.</item>
/// <item><c>GET {Segments}</c>: <see cref="SessionSegmentsResponse"/>, the segments the hub holds
/// complete and verified (from the live stream or an earlier upload). The kiosk uploads the rest.</item>
/// <item><c>HEAD {Segment}</c>: <see cref="UploadOffsetHeader"/> says how many bytes of a partial
/// upload the hub already has (404: none), so a dropped upload resumes where it stopped.</item>
/// <item><c>PATCH {Segment}</c>, body = bytes from <see cref="UploadOffsetHeader"/> on, with
/// <see cref="UploadLengthHeader"/>, <see cref="Sha256Header"/> (lower-case hex of the whole
/// segment), <see cref="StartPtsHeader"/> and <see cref="DurationMsHeader"/>.
/// 204 + new offset: partial kept. 201: complete and the hash matched, the segment is confirmed.
/// 200: already confirmed with the same hash (idempotent). 409 + current offset: wrong offset.
/// 409 without offset: a different segment with this number is already confirmed. 422: the hash
/// did not match; the hub discarded the partial and the kiosk starts again from 0.</item>
/// </list>
/// The kiosk deletes its copy of a segment only after a 200/201 or after GET lists it.
/// </summary>
public static class SegmentUploadProtocol
{
    public const string BasePath = "/api/media/v1";
    public const string UploadOffsetHeader = "Upload-Offset";
    public const string UploadLengthHeader = "Upload-Length";
    public const string Sha256Header = "X-Tcd-Segment-Sha256";
    public const string StartPtsHeader = "X-Tcd-Segment-Start-Pts";
    public const string DurationMsHeader = "X-Tcd-Segment-Duration-Ms";
    public const string ContentType = "application/offset+octet-stream";

    /// <summary>Largest segment the hub accepts (a 6 s segment at 8 Mbit/s is 6 MB).</summary>
    public const long MaxSegmentBytes = 64L * 1024 * 1024;

    public static string Session(string sessionId) => $"{BasePath}/sessions/{Uri.EscapeDataString(sessionId)}";

    public static string Segments(string sessionId) => Session(sessionId) + "/segments";

    public static string Segment(string sessionId, int sequence) => Segments(sessionId) + "/" + sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
