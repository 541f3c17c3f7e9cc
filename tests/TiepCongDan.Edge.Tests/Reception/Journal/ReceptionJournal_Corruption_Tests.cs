using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using TiepCongDan.Edge.Reception.Journal;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Reception.Journal;

public sealed class ReceptionJournal_Corruption_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-journal-bad-").FullName;
    private readonly RecordingLogger _log = new();

    private string DbPath => Path.Combine(_dir, SqliteReceptionJournal.FileName);

    [Fact]
    public void A_file_that_is_not_a_database_is_moved_aside_logged_and_a_new_journal_works()
    {
        var garbage = RandomNumberGenerator.GetBytes(16384);
        File.WriteAllBytes(DbPath, garbage);

        using (var journal = Open())
        {
            journal.Append(ReceptionEvents.At(ReceptionEvents.Session(1), 1));
            Assert.Equal(1, journal.PendingUpload);
        }

        var aside = Assert.Single(Directory.GetFiles(_dir, SqliteReceptionJournal.FileName + ".corrupt-*"));
        Assert.Equal(garbage, File.ReadAllBytes(aside));
        var line = Assert.Single(_log.Entries, e => e.EventId == 7800);
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Contains(Path.GetFileName(aside), line.Message, StringComparison.Ordinal);

        // The next start opens the new file as it is: no second quarantine, no loop.
        using var again = Open();
        Assert.Equal(1, again.PendingUpload);
        Assert.Single(Directory.GetFiles(_dir, SqliteReceptionJournal.FileName + ".corrupt-*"));
    }

    [Fact]
    public void A_torn_database_whose_pages_are_overwritten_is_quarantined_too()
    {
        using (var journal = Open())
        {
            for (var s = 1; s <= 40; s++)
            {
                foreach (var e in ReceptionEvents.Whole(ReceptionEvents.Session(s), 6))
                {
                    journal.Append(e);
                }
            }
        }

        // Half-written pages after the header, as a power cut on a card without power-loss protection leaves them.
        var bytes = File.ReadAllBytes(DbPath);
        Assert.True(bytes.Length > 16384, $"the journal is only {bytes.Length} bytes");
        RandomNumberGenerator.Fill(bytes.AsSpan(4096, bytes.Length - 4096));
        File.WriteAllBytes(DbPath, bytes);

        using var reopened = Open();
        Assert.Equal(0, reopened.PendingUpload);
        Assert.Single(Directory.GetFiles(_dir, SqliteReceptionJournal.FileName + ".corrupt-*"));
        Assert.Contains(_log.Entries, e => e.EventId == 7800);
    }

    [Fact]
    public void A_row_whose_citizen_no_longer_opens_is_parked_and_logged_and_the_others_still_go()
    {
        var session = ReceptionEvents.Session(2);
        using (var journal = Open())
        {
            foreach (var e in ReceptionEvents.Whole(session, 4))
            {
                journal.Append(e);
            }
        }

        // Another key, as after a key file restored from the wrong kiosk: the sealed citizen cannot open.
        File.WriteAllBytes(Path.Combine(_dir, SqliteReceptionJournal.KeyFileName), RandomNumberGenerator.GetBytes(32));

        using var reopened = Open();
        var pending = reopened.NextPending(100);
        Assert.Equal([1, 3, 4], pending.Select(e => e.Event.Seq));
        Assert.Equal(1, reopened.Parked);
        Assert.Equal(3, reopened.PendingUpload);
        var line = Assert.Single(_log.Entries, e => e.EventId == 7801);
        Assert.Contains($"{session}/2", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ReceptionEvents.CitizenIdNumber, line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_file_of_the_wrong_length_stops_the_journal_with_a_sentence_naming_it()
    {
        File.WriteAllBytes(Path.Combine(_dir, SqliteReceptionJournal.KeyFileName), new byte[7]);

        var ex = Assert.Throws<InvalidDataException>(Open);
        Assert.Contains("reception journal's key", ex.Message, StringComparison.Ordinal);
        Assert.Contains(SqliteReceptionJournal.KeyFileName, ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private SqliteReceptionJournal Open() => new(_dir, TimeSpan.FromDays(7), TimeProvider.System, _log);
}
