using System.Text.Json;
using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Hub.Storage;

namespace TiepCongDan.Hub.SelfTest;

/// <summary>The latest self-test report per kiosk, in the hub's SQLite file (one row per kiosk, replaced by the next report).</summary>
public sealed class SelfTestStore
{
    private readonly HubDatabase _database;
    private readonly TimeProvider _time;

    public SelfTestStore(HubDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
        _database.Run(c => c.CreateTable<SelfTestReportRow>());
    }

    public SelfTestReportRow Save(SelfTestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var row = new SelfTestReportRow
        {
            KioskId = report.KioskId,
            Passed = report.Passed,
            FailedChecks = string.Join(',', report.FailedIds()),
            Version = report.Version,
            StartedAtMs = report.StartedAt.ToUnixTimeMilliseconds(),
            FinishedAtMs = report.FinishedAt.ToUnixTimeMilliseconds(),
            ReceivedAtMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
            ReportJson = JsonSerializer.Serialize(report, SelfTestJson.Options),
        };
        _database.Run(c => c.InsertOrReplace(row));
        return row;
    }

    public SelfTestReportRow? Latest(string kioskId) => _database.Run(c => c.Find<SelfTestReportRow>(kioskId));

    /// <summary>Every kiosk's latest report, newest first; only the failed ones when <paramref name="failedOnly"/>.</summary>
    public IReadOnlyList<SelfTestReportRow> All(bool failedOnly) => _database.Run(c =>
    {
        var query = c.Table<SelfTestReportRow>();
        if (failedOnly)
        {
            query = query.Where(r => !r.Passed);
        }

        return (IReadOnlyList<SelfTestReportRow>)query.OrderByDescending(r => r.ReceivedAtMs).ToList();
    });

    public static SelfTestView View(SelfTestReportRow row, bool withReport)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new SelfTestView(row.KioskId, row.Passed,
            row.FailedChecks.Split(',', StringSplitOptions.RemoveEmptyEntries),
            row.Version,
            DateTimeOffset.FromUnixTimeMilliseconds(row.StartedAtMs),
            DateTimeOffset.FromUnixTimeMilliseconds(row.FinishedAtMs),
            DateTimeOffset.FromUnixTimeMilliseconds(row.ReceivedAtMs),
            withReport ? JsonSerializer.Deserialize<SelfTestReport>(row.ReportJson, SelfTestJson.Options) : null);
    }
}
