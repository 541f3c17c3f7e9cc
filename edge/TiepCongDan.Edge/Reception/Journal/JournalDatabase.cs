using System.Globalization;
using Microsoft.Extensions.Logging;
using SQLite;
using TiepCongDan.Edge.Media.Recording;

namespace TiepCongDan.Edge.Reception.Journal;

/// <summary>Opens the journal's SQLite file (0600, WAL, synchronous=FULL, schema) and moves a file SQLite cannot read aside.</summary>
internal static class JournalDatabase
{
    private const string Schema =
        """
        CREATE TABLE IF NOT EXISTS reception_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session TEXT NOT NULL,
            seq INTEGER NOT NULL,
            to_state TEXT NOT NULL,
            created_ms INTEGER NOT NULL,
            json TEXT NOT NULL,
            citizen BLOB NULL,
            uploaded_ms INTEGER NULL,
            parked_ms INTEGER NULL,
            parked_reason TEXT NULL,
            UNIQUE (session, seq))
        """;

    private static readonly string[] Companions = ["", "-wal", "-shm"];

    /// <summary>
    /// The journal at <paramref name="path"/>; when SQLite reports it torn or not a database, the
    /// file (with its -wal and -shm) is renamed to *.corrupt-{utc}, logged, and a new one created:
    /// the kiosk keeps working and a technician can still try to recover the old file.
    /// </summary>
    public static SQLiteConnection OpenOrQuarantine(string path, TimeProvider time, ILogger logger)
    {
        try
        {
            return Open(path);
        }
        catch (SQLiteException ex)
        {
            var aside = Quarantine(path, time);
            ReceptionJournalLog.Quarantined(logger, path, aside, ex.Message);
            return Open(path);
        }
    }

    private static SQLiteConnection Open(string path)
    {
        if (!File.Exists(path))
        {
            // Created here with 0600 so SQLite (which gives -wal and -shm the db's mode) never makes it world-readable.
            using var _ = new FileStream(path, PrivateFiles.NewFile(FileMode.CreateNew));
        }
        else if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var db = new SQLiteConnection(path, SQLiteOpenFlags.ReadWrite | SQLiteOpenFlags.Create | SQLiteOpenFlags.FullMutex);
        try
        {
            db.ExecuteScalar<string>("PRAGMA journal_mode=WAL");
            db.Execute("PRAGMA synchronous=FULL");
            // Freed pages (a wiped citizen, a purged event) are zeroed, not left in the file.
            db.ExecuteScalar<long>("PRAGMA secure_delete=ON");
            var check = db.ExecuteScalar<string>("PRAGMA quick_check");
            if (!string.Equals(check, "ok", StringComparison.Ordinal))
            {
                throw SQLiteException.New(SQLite3.Result.Corrupt, $"quick_check: {check}");
            }

            db.Execute(Schema);
            return db;
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    private static string Quarantine(string path, TimeProvider time)
    {
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var aside = $"{path}.corrupt-{stamp}";
        foreach (var suffix in Companions)
        {
            if (File.Exists(path + suffix))
            {
                File.Move(path + suffix, aside + suffix, overwrite: true);
            }
        }

        return aside;
    }
}
