using TiepCongDan.Hub.Registry;

namespace TiepCongDan.Hub.OperatorConsole;

/// <summary>GET /api/console/summary: the counts of the kiosks a user may see, in total, per province and per commune.</summary>
public sealed record FleetSummaryDto(KioskCountsDto Total, IReadOnlyList<ProvinceSummaryDto> Provinces)
{
    public static FleetSummaryDto Of(IReadOnlyCollection<KioskSnapshot> kiosks)
    {
        ArgumentNullException.ThrowIfNull(kiosks);
        var provinces = kiosks.GroupBy(k => k.Province, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(p => new ProvinceSummaryDto(p.Key, KioskCountsDto.Of([.. p]),
                [.. p.GroupBy(k => k.Commune, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(c => new CommuneSummaryDto(c.Key, KioskCountsDto.Of([.. c])))]));
        return new(KioskCountsDto.Of(kiosks), [.. provinces]);
    }
}
