using System.Text;
using SQLite;

namespace TiepCongDan.Hub.Alerts;

/// <summary>
/// alerts.db in the hub's data directory (WAL, file 0600): the alerts and the webhook outbox.
/// An alert change and its notifications are written in one transaction, so a restart between
/// them cannot lose a notification. Thread-safe: one connection behind a lock.
/// </summary>
public sealed class AlertStore : IDisposable
{
    private readonly SQLiteConnection _connection;
    private readonly Lock _gate = new();

    public AlertStore(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        Path = System.IO.Path.Combine(dataDirectory, "alerts.db");
        if (!File.Exists(Path))
        {
            using (File.Create(Path))
            {
            }
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        _connection = new SQLiteConnection(Path, SQLiteOpenFlags.ReadWrite | SQLiteOpenFlags.Create | SQLiteOpenFlags.FullMutex);
        _connection.ExecuteScalar<string>("PRAGMA journal_mode=WAL");
        _connection.Execute("PRAGMA synchronous=NORMAL");
        _connection.CreateTable<AlertRow>();
        _connection.CreateTable<WebhookOutboxRow>();
    }

    public string Path { get; }

    public IReadOnlyList<AlertRow> Active() => Run(c => c.Query<AlertRow>("SELECT * FROM alerts WHERE state <> ? ORDER BY id", AlertState.Closed));

    public AlertRow? Get(long id) => Run(c => c.Find<AlertRow>(id));

    public IReadOnlyList<AlertRow> Query(AlertQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var sql = new StringBuilder("SELECT * FROM alerts WHERE 1=1");
        var args = new List<object>();
        switch (query.State)
        {
            case AlertState.Active:
                sql.Append(" AND state <> ?");
                args.Add(AlertState.Closed);
                break;
            case AlertState.Open or AlertState.Acknowledged or AlertState.Closed:
                sql.Append(" AND state = ?");
                args.Add(query.State);
                break;
            default:
                // "all": no condition on the state.
                break;
        }

        if (query.AllowedProvinces is { } allowed)
        {
            if (allowed.Count == 0)
            {
                return [];
            }

            sql.Append(" AND province IN (").Append(string.Join(',', allowed.Select(_ => "?"))).Append(')');
            args.AddRange(allowed);
        }

        AddEquals(sql, args, "province", query.Province);
        AddEquals(sql, args, "kiosk", query.KioskId);
        AddEquals(sql, args, "rule", query.Rule);
        if (query.From is { } from)
        {
            // An alert belongs to a period when it was open at some time in it.
            sql.Append(" AND (closed_ms IS NULL OR closed_ms >= ?)");
            args.Add(from.ToUnixTimeMilliseconds());
        }

        if (query.To is { } to)
        {
            sql.Append(" AND opened_ms <= ?");
            args.Add(to.ToUnixTimeMilliseconds());
        }

        sql.Append(" ORDER BY opened_ms DESC, id DESC LIMIT ?");
        args.Add(Math.Clamp(query.Limit, 1, 10_000));
        return Run(c => c.Query<AlertRow>(sql.ToString(), [.. args]));
    }

    /// <summary>Inserts a new alert and the notifications built from it (they need its id).</summary>
    public AlertRow Open(AlertRow row, Func<AlertRow, IEnumerable<WebhookOutboxRow>> notifications)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(notifications);
        InTransaction(c =>
        {
            c.Insert(row);
            c.InsertAll(notifications(row).ToList(), runInTransaction: false);
        });
        return row;
    }

    /// <summary>Closes an active alert; null when it was not active.</summary>
    public AlertRow? Close(long id, long atMs, double? lastValue, int flaps, Func<AlertRow, IEnumerable<WebhookOutboxRow>> notifications)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        AlertRow? closed = null;
        InTransaction(c =>
        {
            var row = c.Find<AlertRow>(id);
            if (row is null || row.State == AlertState.Closed)
            {
                return;
            }

            row.State = AlertState.Closed;
            row.ClosedAtMs = atMs;
            row.LastValue = lastValue ?? row.LastValue;
            row.Flaps = flaps;
            c.Update(row);
            c.InsertAll(notifications(row).ToList(), runInTransaction: false);
            closed = row;
        });
        return closed;
    }

    /// <summary>Acknowledges an open alert the caller may see (<paramref name="allowed"/> null = every province).</summary>
    public (AckOutcome Outcome, AlertRow? Row) Acknowledge(long id, string user, string comment, long atMs, IReadOnlySet<string>? allowed,
        Func<AlertRow, IEnumerable<WebhookOutboxRow>> notifications)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        var outcome = AckOutcome.NotFound;
        AlertRow? result = null;
        InTransaction(c =>
        {
            var row = c.Find<AlertRow>(id);
            if (row is null || (allowed is not null && !allowed.Contains(row.Province)))
            {
                return;
            }

            result = row;
            if (row.State != AlertState.Open)
            {
                outcome = row.State == AlertState.Closed ? AckOutcome.Closed : AckOutcome.AlreadyAcknowledged;
                return;
            }

            row.State = AlertState.Acknowledged;
            row.AcknowledgedAtMs = atMs;
            row.AcknowledgedBy = user;
            row.AcknowledgeComment = comment;
            c.Update(row);
            c.InsertAll(notifications(row).ToList(), runInTransaction: false);
            outcome = AckOutcome.Acknowledged;
        });
        return (outcome, result);
    }

    /// <summary>Keeps the latest value and flap count of active alerts (one transaction per evaluation).</summary>
    public void UpdateValues(IReadOnlyCollection<(long Id, double? Value, int Flaps)> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            return;
        }

        InTransaction(c =>
        {
            foreach (var (id, value, flaps) in updates)
            {
                c.Execute("UPDATE alerts SET last_value = ?, flaps = ? WHERE id = ? AND state <> ?", value, flaps, id, AlertState.Closed);
            }
        });
    }

    /// <summary>The notifications still to deliver, oldest first (due or not: the dispatcher keeps each receiver's order).</summary>
    public IReadOnlyList<WebhookOutboxRow> WaitingNotifications(int max) =>
        Run(c => c.Query<WebhookOutboxRow>("SELECT * FROM webhook_outbox WHERE failed = 0 ORDER BY id LIMIT ?", max));

    /// <summary>When the next waiting notification is due, or null when none waits.</summary>
    public long? NextDueMs() => Run(c => c.ExecuteScalar<long?>("SELECT MIN(next_ms) FROM webhook_outbox WHERE failed = 0"));

    public int PendingNotifications() => Run(c => c.ExecuteScalar<int>("SELECT COUNT(*) FROM webhook_outbox WHERE failed = 0"));

    public int FailedNotifications() => Run(c => c.ExecuteScalar<int>("SELECT COUNT(*) FROM webhook_outbox WHERE failed = 1"));

    public void Delivered(long outboxId) => Run(c => c.Delete<WebhookOutboxRow>(outboxId));

    public void Retry(long outboxId, int attempts, long nextMs, string error, bool failed) =>
        Run(c => c.Execute("UPDATE webhook_outbox SET attempts = ?, next_ms = ?, last_error = ?, failed = ? WHERE id = ?",
            attempts, nextMs, error, failed, outboxId));

    /// <summary>Deletes closed alerts closed before <paramref name="beforeMs"/>; returns how many.</summary>
    public int Prune(long beforeMs) => Run(c => c.Execute("DELETE FROM alerts WHERE state = ? AND closed_ms < ?", AlertState.Closed, beforeMs));

    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
        }
    }

    private static void AddEquals(StringBuilder sql, List<object> args, string column, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            sql.Append(" AND ").Append(column).Append(" = ?");
            args.Add(value);
        }
    }

    private T Run<T>(Func<SQLiteConnection, T> work)
    {
        lock (_gate)
        {
            return work(_connection);
        }
    }

    private void InTransaction(Action<SQLiteConnection> work)
    {
        lock (_gate)
        {
            _connection.RunInTransaction(() => work(_connection));
        }
    }
}
