using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SQLite;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Edge.Media.Recording;
using TiepCongDan.Edge.Reception.Ports;

namespace TiepCongDan.Edge.Reception.Journal;

/// <summary>
/// The reception journal in {DataDirectory}/reception.db (mode 0600, WAL, synchronous=FULL): an
/// event is on disk when <see cref="Append"/> returns. The citizen is sealed with AES-256-GCM under
/// {DataDirectory}/reception.key and wiped once the hub acknowledged it; acknowledged events are
/// deleted after the retention. A file SQLite cannot read is moved aside at open and a new one
/// started, so a torn file never turns into a crash loop. Thread-safe (one connection behind a lock).
/// </summary>
internal sealed class SqliteReceptionJournal : IReceptionJournal, IDisposable
{
    public const string FileName = "reception.db";
    public const string KeyFileName = "reception.key";
    private const string IdleState = "Idle";

    private readonly SQLiteConnection _db;
    private readonly CitizenSeal _seal;
    private readonly TimeSpan _retention;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private TaskCompletionSource _appended = NewSignal();
    private long _pending;
    private long _parked;
    private bool _disposed;

    public SqliteReceptionJournal(string dataDirectory, TimeSpan retention, TimeProvider time, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        _retention = retention;
        _time = time;
        _logger = logger;
        var directory = Path.GetFullPath(dataDirectory);
        if (!Directory.Exists(directory))
        {
            PrivateFiles.CreateDirectory(directory);
        }

        var key = LoadKey(Path.Combine(directory, KeyFileName));
        _seal = new CitizenSeal(key.Bytes);
        _db = JournalDatabase.OpenOrQuarantine(Path.Combine(directory, FileName), time, logger);
        RefreshCounts();
    }

    public string DatabasePath => _db.DatabasePath;

    public long PendingUpload => Interlocked.Read(ref _pending);

    /// <summary>Events the hub refused one by one (or that could not be read back): kept for a technician, never sent again.</summary>
    public long Parked => Interlocked.Read(ref _parked);

    /// <summary>Completes at the next <see cref="Append"/>; take it before looking for work so an append in between is not missed.</summary>
    internal Task NextAppend => Volatile.Read(ref _appended).Task;

    public void Append(ReceptionEvent reception)
    {
        ArgumentNullException.ThrowIfNull(reception);
        ArgumentException.ThrowIfNullOrWhiteSpace(reception.SessionId, nameof(reception));
        ArgumentException.ThrowIfNullOrWhiteSpace(reception.To, nameof(reception));
        if (reception.Seq < 1)
        {
            throw new ArgumentException($"Reception event {reception.SessionId}/{reception.Seq}: seq starts at 1.", nameof(reception));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var last = _db.ExecuteScalar<int>("SELECT COALESCE(MAX(seq), 0) FROM reception_events WHERE session = ?", reception.SessionId);
            if (reception.Seq <= last)
            {
                throw new ArgumentException(
                    $"Reception event {reception.SessionId}/{reception.Seq} is a duplicate: the journal already holds this session up to seq {last}.", nameof(reception));
            }

            if (reception.Seq != last + 1)
            {
                throw new ArgumentException(
                    $"Reception event {reception.SessionId}/{reception.Seq} leaves a gap: the journal holds this session up to seq {last}, so the next must be {last + 1}.", nameof(reception));
            }

            var row = new JournalRow
            {
                Session = reception.SessionId,
                Seq = reception.Seq,
                ToState = reception.To,
                CreatedMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
                Json = JsonSerializer.Serialize(reception with { Citizen = null }, JournalJson.Options),
                Citizen = reception.Citizen is { } citizen ? _seal.Seal(citizen, reception.SessionId, reception.Seq) : null,
            };
            _db.Execute(
                "INSERT INTO reception_events (session, seq, to_state, created_ms, json, citizen) VALUES (?, ?, ?, ?, ?, ?)",
                row.Session, row.Seq, row.ToState, row.CreatedMs, row.Json, row.Citizen);
            Interlocked.Increment(ref _pending);
        }

        Interlocked.Exchange(ref _appended, NewSignal()).TrySetResult();
    }

    public ReceptionEvent? OpenSessionTail()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var row = _db.Query<JournalRow>(
                """
                SELECT * FROM reception_events e
                WHERE e.seq = (SELECT MAX(x.seq) FROM reception_events x WHERE x.session = e.session) AND e.to_state <> ?
                ORDER BY e.id DESC LIMIT 1
                """,
                IdleState).FirstOrDefault();
            return row is null ? null : Read(row, withCitizen: false);
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> events the hub has not acknowledged, oldest first, citizen opened.
    /// A row that cannot be read back (altered, other key) is parked and logged, never returned.
    /// </summary>
    internal IReadOnlyList<JournalEntry> NextPending(int max)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var entries = new List<JournalEntry>(max);
            while (entries.Count < max)
            {
                var after = entries.Count == 0 ? 0 : entries[^1].Id;
                var rows = _db.Query<JournalRow>(
                    "SELECT * FROM reception_events WHERE uploaded_ms IS NULL AND parked_ms IS NULL AND id > ? ORDER BY id LIMIT ?", after, max - entries.Count);
                if (rows.Count == 0)
                {
                    break;
                }

                foreach (var row in rows)
                {
                    try
                    {
                        entries.Add(new JournalEntry(row.Id, Read(row, withCitizen: true)));
                    }
                    catch (Exception ex) when (ex is JsonException or CryptographicException or NotSupportedException)
                    {
                        ReceptionJournalLog.UnreadableRow(_logger, row.Session, row.Seq, ex.GetType().Name);
                        ParkLocked(row.Id, $"unreadable: {ex.GetType().Name}");
                    }
                }
            }

            return entries;
        }
    }

    /// <summary>Marks acknowledged every pending event at or below the hub's highest seq of its session, and wipes their citizen. Returns how many.</summary>
    internal int MarkUploaded(IReadOnlyDictionary<string, int> highestSeq) => Acknowledge(highestSeq, []).Marked;

    /// <summary>
    /// Applies a receipt to the batch it answers: everything at or below the hub's highest seq per
    /// session is acknowledged and its citizen wiped. The hub counts its highest seq without holes,
    /// so after the kiosk parked an event it can never count past it; the hub's 200 still says it holds
    /// the whole batch, so a sent event above a parked one of its session is acknowledged too.
    /// Returns how many rows were marked and the sent events still not acknowledged.
    /// </summary>
    internal (int Marked, IReadOnlyList<JournalEntry> Unacknowledged) Acknowledge(IReadOnlyDictionary<string, int> highestSeq, IReadOnlyList<JournalEntry> sent)
    {
        ArgumentNullException.ThrowIfNull(highestSeq);
        ArgumentNullException.ThrowIfNull(sent);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var marked = 0;
            var unacknowledged = new List<JournalEntry>();
            _db.RunInTransaction(() =>
            {
                foreach (var (session, seq) in highestSeq)
                {
                    marked += _db.Execute(
                        "UPDATE reception_events SET uploaded_ms = ?, citizen = NULL WHERE session = ? AND seq <= ? AND uploaded_ms IS NULL",
                        now, session, seq);
                }

                foreach (var entry in sent)
                {
                    var highest = highestSeq.GetValueOrDefault(entry.Event.SessionId);
                    if (entry.Event.Seq <= highest)
                    {
                        continue;
                    }

                    var parkedBelow = _db.ExecuteScalar<int>(
                        "SELECT COUNT(*) FROM reception_events WHERE session = ? AND seq > ? AND seq < ? AND parked_ms IS NOT NULL",
                        entry.Event.SessionId, highest, entry.Event.Seq);
                    if (parkedBelow > 0)
                    {
                        marked += _db.Execute("UPDATE reception_events SET uploaded_ms = ?, citizen = NULL WHERE id = ? AND uploaded_ms IS NULL", now, entry.Id);
                    }
                    else
                    {
                        unacknowledged.Add(entry);
                    }
                }
            });
            RefreshCounts();
            return (marked, unacknowledged);
        }
    }

    /// <summary>Takes an event out of the upload for good (the hub refused it alone); it stays until the retention deletes it.</summary>
    internal void Park(long id, string reason)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            ParkLocked(id, reason);
        }
    }

    /// <summary>Deletes acknowledged and parked events older than the retention, except the last event of a session still open. Returns how many.</summary>
    internal int PurgeExpired()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var cut = (_time.GetUtcNow() - _retention).ToUnixTimeMilliseconds();
            var deleted = _db.Execute(
                """
                DELETE FROM reception_events
                WHERE COALESCE(uploaded_ms, parked_ms) < ?
                  AND id NOT IN (SELECT e.id FROM reception_events e
                                 WHERE e.to_state <> ? AND e.seq = (SELECT MAX(x.seq) FROM reception_events x WHERE x.session = e.session))
                """,
                cut, IdleState);
            if (deleted > 0)
            {
                RefreshCounts();
                ReceptionJournalLog.Purged(_logger, deleted, _retention);
            }

            return deleted;
        }
    }

    public void Dispose()
    {
        // Under the lock: a native SQLite handle used after close would crash the process.
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _db.Dispose();
            _seal.Dispose();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static MediaKey LoadKey(string path)
    {
        try
        {
            return MediaKey.LoadOrCreate(path);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException(
                $"The reception journal's key {path} is unusable ({ex.Message}). Without it the journal's citizens cannot be read: restore the key from the kiosk's backup, or move both {FileName} and the key aside to start a new journal.", ex);
        }
    }

    private ReceptionEvent Read(JournalRow row, bool withCitizen)
    {
        var reception = JsonSerializer.Deserialize<ReceptionEvent>(row.Json, JournalJson.Options)
            ?? throw new JsonException($"Row {row.Id} ({row.Session}/{row.Seq}) holds no event.");
        return withCitizen && row.Citizen is { } sealedCitizen
            ? reception with { Citizen = _seal.Open(sealedCitizen, row.Session, row.Seq) }
            : reception;
    }

    private void ParkLocked(long id, string reason)
    {
        _db.Execute(
            "UPDATE reception_events SET parked_ms = ?, parked_reason = ? WHERE id = ? AND parked_ms IS NULL",
            _time.GetUtcNow().ToUnixTimeMilliseconds(), reason, id);
        RefreshCounts();
    }

    private void RefreshCounts()
    {
        Interlocked.Exchange(ref _pending, _db.ExecuteScalar<long>("SELECT COUNT(*) FROM reception_events WHERE uploaded_ms IS NULL AND parked_ms IS NULL"));
        Interlocked.Exchange(ref _parked, _db.ExecuteScalar<long>("SELECT COUNT(*) FROM reception_events WHERE parked_ms IS NOT NULL"));
    }
}
