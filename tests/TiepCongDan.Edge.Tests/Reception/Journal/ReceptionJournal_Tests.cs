using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SQLite;
using TiepCongDan.Edge.Reception.Journal;

namespace TiepCongDan.Edge.Tests.Reception.Journal;

public sealed class ReceptionJournal_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-journal-").FullName;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-23T02:51:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private string DbPath => Path.Combine(_dir, SqliteReceptionJournal.FileName);

    [Fact]
    public void An_appended_event_is_on_disk_when_append_returns_and_survives_a_reopen_with_its_citizen()
    {
        var session = ReceptionEvents.Session(1);
        using (var journal = Open())
        {
            journal.Append(ReceptionEvents.At(session, 1));
            journal.Append(ReceptionEvents.At(session, 2));

            // A second, independent connection (as after a SIGKILL and restart) sees both rows at once.
            using var other = new SQLiteConnection(DbPath, SQLiteOpenFlags.ReadOnly);
            Assert.Equal(2, other.ExecuteScalar<int>("SELECT COUNT(*) FROM reception_events"));
            Assert.Equal("wal", other.ExecuteScalar<string>("PRAGMA journal_mode"));
        }

        using var reopened = Open();
        Assert.Equal(2, reopened.PendingUpload);
        var pending = reopened.NextPending(100);
        Assert.Equal([1, 2], pending.Select(e => e.Event.Seq));
        Assert.Null(pending[0].Event.Citizen);
        Assert.Equal(ReceptionEvents.Citizen, pending[1].Event.Citizen);
        Assert.Equal(ReceptionEvents.At(session, 2), pending[1].Event);
    }

    [Fact]
    public void A_duplicate_or_a_gap_in_the_seq_is_refused_with_a_sentence_and_nothing_is_stored()
    {
        var session = ReceptionEvents.Session(2);
        using var journal = Open();
        journal.Append(ReceptionEvents.At(session, 1));
        journal.Append(ReceptionEvents.At(session, 2));

        var duplicate = Assert.Throws<ArgumentException>(() => journal.Append(ReceptionEvents.At(session, 2)));
        Assert.Contains("duplicate", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains($"{session}/2", duplicate.Message, StringComparison.Ordinal);

        var gap = Assert.Throws<ArgumentException>(() => journal.Append(ReceptionEvents.At(session, 4)));
        Assert.Contains("gap", gap.Message, StringComparison.Ordinal);
        Assert.Contains("next must be 3", gap.Message, StringComparison.Ordinal);

        var notFirst = Assert.Throws<ArgumentException>(() => journal.Append(ReceptionEvents.At(ReceptionEvents.Session(3), 2)));
        Assert.Contains("next must be 1", notFirst.Message, StringComparison.Ordinal);
        var zero = Assert.Throws<ArgumentException>(() => journal.Append(ReceptionEvents.At(ReceptionEvents.Session(3), 0)));
        Assert.Contains("seq starts at 1", zero.Message, StringComparison.Ordinal);

        Assert.Equal(2, journal.PendingUpload);
        journal.Append(ReceptionEvents.At(session, 3));
        Assert.Equal(3, journal.PendingUpload);
    }

    [Fact]
    public void The_citizen_cannot_be_read_in_the_journal_files()
    {
        using (var journal = Open())
        {
            foreach (var e in ReceptionEvents.Whole(ReceptionEvents.Session(4), 5))
            {
                journal.Append(e);
            }

            // While open: the WAL holds the recent pages too.
            AssertNoCitizenIn(Directory.GetFiles(_dir));
        }

        AssertNoCitizenIn(Directory.GetFiles(_dir));

        // The rest of the event is plain on purpose (a technician can read the flow with sqlite3).
        Assert.Contains(ReceptionEvents.Session(4), Encoding.UTF8.GetString(File.ReadAllBytes(DbPath)), StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_journal_its_wal_and_its_key_are_readable_by_the_service_account_only()
    {
        using var journal = Open();
        journal.Append(ReceptionEvents.At(ReceptionEvents.Session(10), 1));

        var keyPath = Path.Combine(_dir, SqliteReceptionJournal.KeyFileName);
        Assert.Equal(32, new FileInfo(keyPath).Length);
        foreach (var file in new[] { DbPath, DbPath + "-wal", keyPath })
        {
            Assert.True(File.Exists(file), $"{file} is missing");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void The_open_session_tail_is_the_last_event_of_the_newest_session_not_back_to_idle()
    {
        using var journal = Open();
        Assert.Null(journal.OpenSessionTail());

        var older = ReceptionEvents.Session(5);
        journal.Append(ReceptionEvents.At(older, 1, "CitizenPresent"));
        journal.Append(ReceptionEvents.At(older, 2, "Identified"));
        journal.Append(ReceptionEvents.At(older, 3, "Live"));
        var tail = journal.OpenSessionTail();
        Assert.NotNull(tail);
        Assert.Equal((older, 3, "Live"), (tail.SessionId, tail.Seq, tail.To));
        Assert.Null(tail.Citizen);

        // A newer session that closed does not hide the older one that never did (a kill mid-session).
        var closed = ReceptionEvents.Session(6);
        foreach (var e in ReceptionEvents.Whole(closed, 4))
        {
            journal.Append(e);
        }

        Assert.Equal(older, journal.OpenSessionTail()?.SessionId);

        journal.Append(ReceptionEvents.At(older, 4, "Idle"));
        Assert.Null(journal.OpenSessionTail());

        var newer = ReceptionEvents.Session(7);
        journal.Append(ReceptionEvents.At(newer, 1, "CitizenPresent"));
        journal.Append(ReceptionEvents.At(newer, 2, "Identified"));
        Assert.Equal((newer, 2), (journal.OpenSessionTail()?.SessionId, journal.OpenSessionTail()?.Seq));
    }

    [Fact]
    public void The_hub_acknowledgement_wipes_the_citizen_at_once_and_the_retention_deletes_the_rest_later()
    {
        var done = ReceptionEvents.Session(8);
        var open = ReceptionEvents.Session(9);
        using var journal = Open();
        foreach (var e in ReceptionEvents.Whole(done, 4).Concat(ReceptionEvents.Whole(open, 3, closed: false)))
        {
            journal.Append(e);
        }

        var refused = ReceptionEvents.Session(11);
        journal.Append(ReceptionEvents.At(refused, 1, "Idle"));
        journal.Park(Assert.Single(journal.NextPending(100), e => e.Event.SessionId == refused).Id, "HTTP 400: test");
        Assert.Equal(1, journal.Parked);

        Assert.Equal(7, journal.MarkUploaded(new Dictionary<string, int> { [done] = 4, [open] = 3 }));
        Assert.Equal(0, journal.PendingUpload);
        using (var other = new SQLiteConnection(DbPath, SQLiteOpenFlags.ReadOnly))
        {
            Assert.Equal(0, other.ExecuteScalar<int>("SELECT COUNT(*) FROM reception_events WHERE citizen IS NOT NULL"));
        }

        journal.Append(ReceptionEvents.At(done, 5, "Idle"));
        _time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, journal.PurgeExpired());

        _time.Advance(TimeSpan.FromDays(1.5));
        // The four acknowledged events of the closed session, two of the open one (not its tail), and the parked one.
        Assert.Equal(7, journal.PurgeExpired());
        Assert.Equal(0, journal.Parked);

        // Kept: the unacknowledged event, and the tail of the session never closed (the flow needs it after a restart).
        using var check = new SQLiteConnection(DbPath, SQLiteOpenFlags.ReadOnly);
        Assert.Equal(2, check.ExecuteScalar<int>("SELECT COUNT(*) FROM reception_events"));
        Assert.Equal((open, 3), (journal.OpenSessionTail()?.SessionId, journal.OpenSessionTail()?.Seq));
        Assert.Equal(5, Assert.Single(journal.NextPending(10)).Event.Seq);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void AssertNoCitizenIn(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            // Plain, JSON-escaped and ASCII pieces: an unsealed citizen would show in one of these forms.
            var name = ReceptionEvents.CitizenName;
            foreach (var secret in new[] { name, JsonSerializer.Serialize(name).Trim('"'), "Hoa Ban", ReceptionEvents.CitizenIdNumber, "1958-03-14", "Thanh Minh" })
            {
                Assert.True(
                    bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0 && bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) < 0,
                    $"'{secret}' is readable in {Path.GetFileName(file)}");
            }
        }
    }

    private SqliteReceptionJournal Open() => new(_dir, TimeSpan.FromDays(7), _time, NullLogger.Instance);
}
