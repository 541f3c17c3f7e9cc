using System.Security.Cryptography;
using System.Text;
using TiepCongDan.Hub.Storage;

namespace TiepCongDan.Hub.Audit;

/// <summary>
/// The append-only log of operator actions in hub.db. Rows are only ever inserted: SQLite triggers
/// refuse UPDATE and DELETE on the table, and each row's hash chains to the previous one, so an
/// edit made around the triggers (another tool, a copied file) shows in <see cref="Verify"/>.
/// Thread-safe (through <see cref="HubDatabase"/>'s lock).
/// </summary>
public sealed class AuditLog
{
    private const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private readonly HubDatabase _database;
    private readonly TimeProvider _time;

    public AuditLog(HubDatabase database, TimeProvider time)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _database.Run(c =>
        {
            c.CreateTable<AuditRow>();
            c.Execute("CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END");
            return c.Execute("CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END");
        });
    }

    /// <summary>Appends one entry and returns it (with its sequence number and hash).</summary>
    public AuditRow Record(string actor, string action, string target, string? province, string outcome, string? detail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        var row = new AuditRow
        {
            AtMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
            Actor = actor,
            Action = action,
            Target = target,
            Province = province ?? string.Empty,
            Outcome = outcome,
            Detail = detail ?? string.Empty,
        };
        _database.RunInTransaction(c =>
        {
            var last = c.Query<AuditRow>("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1").FirstOrDefault();
            row.Seq = (last?.Seq ?? 0) + 1;
            row.Hash = HashOf(last?.Hash ?? Genesis, row);
            c.Insert(row);
        });
        return row;
    }

    /// <summary>
    /// Entries newest first, before sequence <paramref name="beforeSeq"/>, optionally only those whose
    /// province <paramref name="allowedProvince"/> accepts ("" = not a province's; a user's entries may
    /// name several provinces joined by ','); pages through the table until <paramref name="limit"/> match.
    /// </summary>
    public IReadOnlyList<AuditRow> List(int limit = 500, long? beforeSeq = null, Func<string, bool>? allowedProvince = null)
    {
        limit = Math.Clamp(limit, 1, 10_000);
        var result = new List<AuditRow>(limit);
        var before = beforeSeq ?? long.MaxValue;
        while (result.Count < limit)
        {
            var page = _database.Run(c => c.Query<AuditRow>("SELECT * FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?", before, limit));
            result.AddRange(page.Where(r => allowedProvince?.Invoke(r.Province) ?? true).Take(limit - result.Count));
            if (page.Count < limit)
            {
                break;
            }

            before = page[^1].Seq;
        }

        return result;
    }

    /// <summary>The first sequence number whose hash does not follow from the rows before it (or a gap), or null when the chain holds.</summary>
    public long? Verify() => Check().BrokenAt;

    /// <summary>How many entries there are, and the first that breaks the chain (null when it holds).</summary>
    public (long Count, long? BrokenAt) Check()
    {
        var rows = _database.Run(c => c.Query<AuditRow>("SELECT * FROM audit_log ORDER BY seq"));
        var previous = Genesis;
        var expected = 1L;
        foreach (var row in rows)
        {
            if (row.Seq != expected || !string.Equals(row.Hash, HashOf(previous, row), StringComparison.Ordinal))
            {
                return (rows.Count, row.Seq);
            }

            previous = row.Hash;
            expected++;
        }

        return (rows.Count, null);
    }

    private static string HashOf(string previous, AuditRow row)
    {
        var text = string.Join('\u001f', previous, row.Seq, row.AtMs, row.Actor, row.Action, row.Target, row.Province, row.Outcome, row.Detail);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
