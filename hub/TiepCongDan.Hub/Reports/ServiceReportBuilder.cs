using System.Globalization;
using Microsoft.Extensions.Options;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Hub.Archive;
using TiepCongDan.Hub.Options;
using TiepCongDan.Hub.Reception;
using TiepCongDan.Hub.Registry;
using TiepCongDan.Hub.Storage;

namespace TiepCongDan.Hub.Reports;

/// <summary>
/// Computes the service report for a period from what the hub already keeps: the reception register
/// (sessions, card-to-live, ratings), the archive catalogue (sealed recordings) and the fleet history
/// (one row a minute per online kiosk, with its health). Availability = history rows that were
/// healthy inside reception hours × the history interval ÷ the reception hours of the period.
/// </summary>
public sealed class ServiceReportBuilder(HubDatabase database, ReceptionRegister register, KioskRegistry registry, SessionArchive archive, IOptions<ReportOptions> reportOptions, IOptions<HubOptions> hubOptions)
{
    private readonly ReceptionSchedule _schedule = ReceptionSchedule.From(reportOptions.Value);

    public ReceptionSchedule Schedule => _schedule;

    /// <param name="from">First local day.</param>
    /// <param name="to">Last local day (included).</param>
    /// <param name="byCommune">One line per commune instead of per province.</param>
    /// <param name="allowedProvince">Only provinces this returns true for (an operator's scope); null: all.</param>
    public ServiceReport Build(DateOnly from, DateOnly to, bool byCommune, Func<string, bool>? allowedProvince = null)
    {
        var (start, end) = _schedule.Days(from, to);
        var startMs = start.ToUnixTimeMilliseconds();
        var endMs = end.ToUnixTimeMilliseconds();
        bool Allowed(string province) => allowedProvince?.Invoke(province) ?? true;

        var sessions = register.List(null, startMs, endMs - 1, int.MaxValue).Where(s => Allowed(s.Province)).ToList();
        var healthyRows = database.Run(c => c.Query<HistoryRow>(
            "SELECT kiosk_id, ts, online, healthy FROM history WHERE ts >= ? AND ts < ? AND online = 1", startMs, endMs))
            .Where(h => (h.Healthy ?? h.Online) && _schedule.Contains(DateTimeOffset.FromUnixTimeMilliseconds(h.TimestampMs)))
            .GroupBy(h => h.KioskId)
            .ToDictionary(g => g.Key, g => g.Count());

        // Every kiosk the fleet knows, plus any that only the register names.
        var kiosks = registry.All().Select(k => (k.DeviceId, k.Province, k.Commune))
            .Concat(sessions.Select(s => (DeviceId: s.KioskId, s.Province, s.Commune)))
            .DistinctBy(k => k.DeviceId)
            .Where(k => Allowed(k.Province))
            .ToList();

        var hoursPerKiosk = _schedule.Within(start, end);
        var sample = TimeSpan.FromSeconds(hubOptions.Value.Fleet.HistoryIntervalSeconds);
        string Key(string province, string commune) => byCommune ? province + "/" + commune : province;
        var lines = kiosks.GroupBy(k => Key(k.Province, k.Commune), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                var ids = g.Select(k => k.DeviceId).ToHashSet(StringComparer.Ordinal);
                return Line(first.Province, byCommune ? first.Commune : null, ids, sessions.Where(s => ids.Contains(s.KioskId)).ToList(), healthyRows, hoursPerKiosk, sample);
            })
            .ToList();
        var all = kiosks.Select(k => k.DeviceId).ToHashSet(StringComparer.Ordinal);
        var total = Line("*", null, all, sessions, healthyRows, hoursPerKiosk, sample);
        return new ServiceReport(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            byCommune ? "commune" : "province", lines, total);
    }

    private ServiceReportLine Line(string province, string? commune, IReadOnlySet<string> kiosks, IReadOnlyList<ReceptionSessionRow> sessions,
        IReadOnlyDictionary<string, int> healthyRows, TimeSpan hoursPerKiosk, TimeSpan sample)
    {
        var held = sessions.Where(s => s.LiveAtMs is not null).ToList();
        var cardToLive = held.Where(s => s.CardToLiveMs is not null).Select(s => s.CardToLiveMs!.Value).Order().ToList();
        var rated = sessions.Where(s => s.Rating.Length > 0).ToList();
        var satisfied = rated.Count(s => s.Rating is SessionRatings.VerySatisfied or SessionRatings.Satisfied);
        var complete = held.Count(s => archive.Catalog.Find(s.Id) is { ManifestVersion: > 0 });
        var expected = hoursPerKiosk * kiosks.Count;
        var healthy = sample * kiosks.Sum(k => healthyRows.GetValueOrDefault(k));
        return new ServiceReportLine
        {
            Province = province,
            Commune = commune,
            Kiosks = kiosks.Count,
            ReceptionHours = Math.Round(hoursPerKiosk.TotalHours, 2),
            AvailabilityPercent = expected > TimeSpan.Zero ? Percent(Math.Min(healthy.TotalSeconds, expected.TotalSeconds), expected.TotalSeconds) : null,
            SessionsStarted = sessions.Count,
            SessionsHeld = held.Count,
            CardToLiveAverageMs = cardToLive.Count > 0 ? Math.Round(cardToLive.Average(), 1) : null,
            CardToLiveP95Ms = cardToLive.Count > 0 ? cardToLive[(int)Math.Ceiling(0.95 * cardToLive.Count) - 1] : null,
            Rated = rated.Count,
            Satisfied = satisfied,
            SatisfactionPercent = rated.Count > 0 ? Percent(satisfied, rated.Count) : null,
            ArchiveComplete = complete,
            ArchiveCompletePercent = held.Count > 0 ? Percent(complete, held.Count) : null,
        };
    }

    private static double Percent(double part, double whole) => Math.Round(100 * part / whole, 1);
}
