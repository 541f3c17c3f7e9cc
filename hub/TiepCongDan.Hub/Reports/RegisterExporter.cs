using TiepCongDan.Contracts.Reception;
using TiepCongDan.Hub.Archive;
using TiepCongDan.Hub.Reception;

namespace TiepCongDan.Hub.Reports;

/// <summary>
/// The reception register for a period, entry by entry, for the national citizen-reception
/// database (issue #8 item 6). The citizen is decrypted here and masked unless the caller may see
/// the whole ID number; the caller audits who exported what.
/// </summary>
public sealed class RegisterExporter(ReceptionRegister register, SessionArchive archive, ServiceReportBuilder reports)
{
    public const int MaxEntries = 100_000;

    public IReadOnlyList<RegisterExportEntry> Export(DateOnly from, DateOnly to, bool fullIdNumbers, Func<string, bool>? allowedProvince = null)
    {
        var offset = reports.Schedule.Offset;
        var (start, end) = reports.Schedule.Days(from, to);
        // The register lists newest first; the export reads oldest first.
        var rows = register.List(null, start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds() - 1, MaxEntries).Reverse();
        return [.. rows.Where(r => allowedProvince?.Invoke(r.Province) ?? true).Select(r => Entry(r, fullIdNumbers, offset))];
    }

    private RegisterExportEntry Entry(ReceptionSessionRow r, bool fullIdNumbers, TimeSpan offset)
    {
        var citizen = register.Citizen(r);
        var archived = archive.Catalog.Find(r.Id);
        var officials = archived is null ? [] : ArchiveCatalog.Officials(archived);
        var receivers = officials.Where(o => !string.Equals(o.Name, r.Staff, StringComparison.Ordinal)).Select(o => o.Name).ToList();
        return new RegisterExportEntry
        {
            SessionId = r.Id,
            Date = DateTimeOffset.FromUnixTimeMilliseconds(r.StartedAtMs).ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            Province = r.Province,
            Commune = r.Commune,
            KioskId = r.KioskId,
            CitizenName = citizen?.FullName,
            IdNumber = citizen is null ? null : fullIdNumbers ? citizen.IdNumber : citizen.MaskedIdNumber,
            IdNumberMasked = citizen is not null && !fullIdNumbers,
            Address = citizen?.PlaceOfResidence,
            CaseKind = Empty(r.CaseKind),
            CaseKindName = CaseKinds.VietnameseName(Empty(r.CaseKind)),
            Summary = null,
            ReceivingAgency = receivers.Count > 0 ? string.Join("; ", receivers) : Empty(r.Staff),
            Outcome = Empty(r.Outcome),
            RecordingReference = archived is { ManifestVersion: > 0 } ? $"archive:{archived.Id}#{archived.ChainHead}" : archived is null ? null : $"archive:{archived.Id}",
        };
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;
}
