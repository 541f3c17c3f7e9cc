namespace TiepCongDan.Hub.Archive;

/// <summary>
/// What the hub signs for one archived session (manifest.json, written by <see cref="ManifestJson"/>
/// with a fixed field order). <see cref="Version"/> counts re-signings after metadata changes.
/// </summary>
public sealed record SessionManifest(
    int Version,
    string Session,
    string Kiosk,
    string Commune,
    string Province,
    IReadOnlyList<Official> Officials,
    DateTimeOffset Start,
    DateTimeOffset End,
    string CaseKind,
    string CitizenRef,
    IReadOnlyList<ManifestSegment> Segments,
    string ChainHead,
    DateTimeOffset SignedAt)
{
    public const string Format = "tcd-archive-manifest/1";
}
