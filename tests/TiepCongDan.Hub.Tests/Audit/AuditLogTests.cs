using Microsoft.Extensions.Time.Testing;
using SQLite;
using TiepCongDan.Hub.Audit;
using TiepCongDan.Hub.Storage;

namespace TiepCongDan.Hub.Tests.Audit;

public sealed class AuditLogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-audit-").FullName;

    [Fact]
    public void Entries_are_numbered_chained_and_listed_newest_first()
    {
        using var db = new HubDatabase(_dir);
        var log = new AuditLog(db, new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        var first = log.Record("op-hg", "command.reboot", "14-04171", "14", "ok", "Khởi động lại");
        var second = log.Record("admin", "user.create", "op-hg", null, "ok");

        Assert.Equal(1, first.Seq);
        Assert.Equal(2, second.Seq);
        Assert.NotEqual(first.Hash, second.Hash);
        Assert.Equal([2L, 1L], log.List().Select(r => r.Seq));
        Assert.Equal(["14-04171"], log.List(allowedProvince: p => p == "14").Select(r => r.Target));
        Assert.Null(log.Verify());
    }

    [Fact]
    public void The_table_refuses_updates_and_deletes_and_an_edit_around_the_triggers_breaks_the_chain()
    {
        using var db = new HubDatabase(_dir);
        var log = new AuditLog(db, TimeProvider.System);
        log.Record("op", "command.reboot", "14-04171", "14", "ok");
        log.Record("op", "command.rebirth", "14-04171", "14", "ok");

        var update = Assert.Throws<SQLiteException>(() => db.Run(c => c.Execute("UPDATE audit_log SET actor='someone-else' WHERE seq=1")));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Throws<SQLiteException>(() => db.Run(c => c.Execute("DELETE FROM audit_log WHERE seq=1")));

        db.Run(c => c.Execute("DROP TRIGGER audit_log_no_update"));
        db.Run(c => c.Execute("UPDATE audit_log SET actor='someone-else' WHERE seq=1"));
        Assert.Equal(1, log.Verify());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
