using TiepCongDan.Contracts.Reception;
using TiepCongDan.Hub.Media;

namespace TiepCongDan.Hub.Archive;

/// <summary>A session in GET /api/sessions. Times ISO 8601 UTC; <see cref="Complete"/>: every declared segment is archived.</summary>
public sealed record SessionSummaryDto(
    string Id,
    string Kiosk,
    string Commune,
    string Province,
    IReadOnlyList<Official> Officials,
    string Start,
    string? End,
    string CaseKind,
    string CaseKindVi,
    string CitizenRef,
    bool LegalHold,
    int? SegmentCount,
    int SegmentsArchived,
    long DurationMs,
    bool Complete,
    int ManifestVersion,
    string? ChainHead)
{
    public static SessionSummaryDto From(ArchiveSessionRow row, int? expected, IReadOnlyList<MediaSegmentRow> segments) => new(
        row.Id,
        row.KioskId,
        row.Commune,
        row.Province,
        ArchiveCatalog.Officials(row),
        ManifestJson.Time(DateTimeOffset.FromUnixTimeMilliseconds(row.StartedAtMs)),
        row.EndedAtMs is { } end ? ManifestJson.Time(DateTimeOffset.FromUnixTimeMilliseconds(end)) : null,
        row.CaseKind,
        CaseKinds.VietnameseName(row.CaseKind),
        row.CitizenRef,
        row.LegalHold,
        expected,
        segments.Count,
        segments.Sum(s => s.DurationMs),
        expected is { } count && SessionArchive.IsComplete(count, segments),
        row.ManifestVersion,
        row.ManifestVersion > 0 ? row.ChainHead : null);
}
