using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Hub.Media;
using TiepCongDan.Hub.Storage;

namespace TiepCongDan.Hub.Reception;

/// <summary>
/// The reception register in the hub's SQLite file: every event kiosks send (reception_events, first
/// copy of each (session, seq) kept) and one row per session folded from them (reception_sessions),
/// whatever order they arrive in. Thread-safe: each batch is one transaction.
/// </summary>
public sealed class ReceptionRegister
{
    private readonly HubDatabase _database;
    private readonly MediaArchiveStore _media;
    private readonly CitizenProtector _protector;
    private readonly ReceptionMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    // MediaArchiveStore creates media_sessions, which says which kiosk owns a session id.
    public ReceptionRegister(HubDatabase database, MediaArchiveStore media, CitizenProtector protector, ReceptionMetrics metrics, TimeProvider time,
        ILogger<ReceptionRegister> logger)
    {
        _database = database;
        _media = media;
        _protector = protector;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _database.Run(c =>
        {
            c.CreateTable<ReceptionSessionRow>();
            c.CreateTable<ReceptionEventRow>();
            return c.CreateTable<CitizenReadRow>();
        });
    }

    /// <summary>
    /// Checks and stores a kiosk's batch, all or nothing. Throws <see cref="ReceptionRequestException"/>
    /// (400 malformed, 422 another kiosk's session) before anything is written.
    /// </summary>
    public ReceptionEventReceipt Append(string kioskId, ReceptionEventBatch batch)
    {
        ReceptionBatchValidator.Check(batch, kioskId);
        var sessions = batch.Events.Select(e => e.SessionId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var sessionId in sessions)
        {
            CheckOwner(kioskId, sessionId);
        }

        // Encrypted before the transaction: the database lock is not held for the crypto.
        var citizens = batch.Events.Where(e => e.Citizen is not null)
            .Select(e => (e.SessionId, e.Seq, Sealed: _protector.Seal(e.SessionId, e.Citizen!)))
            .ToList();
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var accepted = 0;
        var duplicates = 0;
        var changes = new List<(ReceptionSessionRow Before, ReceptionSessionRow After)>();
        var highest = new Dictionary<string, int>(StringComparer.Ordinal);
        _database.RunInTransaction(c =>
        {
            var touched = new HashSet<string>(StringComparer.Ordinal);
            var inserted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in batch.Events)
            {
                var id = ReceptionEventRow.RowId(e.SessionId, e.Seq);
                if (c.Find<ReceptionEventRow>(id) is not null)
                {
                    duplicates++;
                    continue;
                }

                c.Insert(ToRow(id, e, now));
                inserted.Add(id);
                accepted++;
                touched.Add(e.SessionId);
            }

            foreach (var sessionId in touched)
            {
                var row = c.Find<ReceptionSessionRow>(sessionId);
                var before = row is null ? new ReceptionSessionRow() : Copy(row);
                row ??= new ReceptionSessionRow { Id = sessionId };
                foreach (var (_, seq, sealedCitizen) in citizens.Where(x => x.SessionId == sessionId).OrderBy(x => x.Seq))
                {
                    // Only events inserted now count: a resent identification must not replace the first copy.
                    if (seq > row.CitizenSeq && inserted.Contains(ReceptionEventRow.RowId(sessionId, seq)) && row.CitizenWipedAtMs is null)
                    {
                        row.CitizenSeq = seq;
                        row.CitizenSealed = sealedCitizen;
                    }
                }

                Fold(row, kioskId, c.Table<ReceptionEventRow>().Where(r => r.SessionId == sessionId).OrderBy(r => r.Seq).ToList(), now);
                c.InsertOrReplace(row);
                changes.Add((before, row));
            }

            foreach (var sessionId in sessions)
            {
                highest[sessionId] = c.Find<ReceptionSessionRow>(sessionId)?.ContiguousSeq ?? 0;
            }
        });

        foreach (var (before, after) in changes)
        {
            Observe(before, after);
        }

        ReceptionLog.EventsReceived(_logger, kioskId, accepted, duplicates);
        return new ReceptionEventReceipt(accepted, duplicates, highest);
    }

    public ReceptionSessionRow? Find(string sessionId) => _database.Run(c => c.Find<ReceptionSessionRow>(sessionId));

    /// <summary>Newest first; times bound the session's start (Unix ms, inclusive).</summary>
    public IReadOnlyList<ReceptionSessionRow> List(string? kioskId, long? fromMs, long? toMs, int limit) => _database.Run(c =>
    {
        var query = c.Table<ReceptionSessionRow>();
        if (!string.IsNullOrEmpty(kioskId))
        {
            query = query.Where(r => r.KioskId == kioskId);
        }

        if (fromMs is { } from)
        {
            query = query.Where(r => r.StartedAtMs >= from);
        }

        if (toMs is { } to)
        {
            query = query.Where(r => r.StartedAtMs <= to);
        }

        return (IReadOnlyList<ReceptionSessionRow>)query.OrderByDescending(r => r.StartedAtMs).Take(limit).ToList();
    });

    public IReadOnlyList<ReceptionEventRow> Events(string sessionId) =>
        _database.Run(c => c.Table<ReceptionEventRow>().Where(r => r.SessionId == sessionId).OrderBy(r => r.Seq).ToList());

    /// <summary>The session's citizen, decrypted; null when none was sent or retention wiped it.</summary>
    public ReceptionCitizen? Citizen(ReceptionSessionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.CitizenSealed is null)
        {
            return null;
        }

        try
        {
            return _protector.Open(row.Id, row.CitizenSealed);
        }
        catch (CryptographicException ex)
        {
            ReceptionLog.CitizenUnreadable(_logger, row.Id);
            throw new InvalidOperationException($"The stored citizen of session {row.Id} cannot be decrypted: altered, or the reception key is not the one it was stored with.", ex);
        }
    }

    /// <summary>Audit: who read the full citizen of which session (never the citizen).</summary>
    public void RecordCitizenRead(string user, string sessionId)
    {
        _database.Run(c => c.Insert(new CitizenReadRow { AtMs = _time.GetUtcNow().ToUnixTimeMilliseconds(), User = user, SessionId = sessionId }));
        ReceptionLog.CitizenRead(_logger, user, sessionId);
    }

    public IReadOnlyList<CitizenReadRow> CitizenReads(string sessionId) =>
        _database.Run(c => c.Table<CitizenReadRow>().Where(r => r.SessionId == sessionId).OrderBy(r => r.Id).ToList());

    /// <summary>Sessions whose case kind, citizen or staff the archive does not carry yet (events received since <paramref name="sinceMs"/>, hub clock).</summary>
    public IReadOnlyList<ReceptionSessionRow> PendingArchiveLink(long sinceMs) => _database.Run(c => c.Query<ReceptionSessionRow>(
        """
        SELECT * FROM reception_sessions WHERE updated_ms >= ? AND (
            case_kind <> archive_case_kind OR staff <> archive_staff OR (citizen_sealed IS NOT NULL AND citizen_seq <> archive_citizen_seq))
        """, sinceMs));

    public void MarkArchiveLinked(string sessionId, string caseKind, int citizenSeq, string staff) => _database.Run(c => c.Execute(
        "UPDATE reception_sessions SET archive_case_kind = ?, archive_citizen_seq = ?, archive_staff = ? WHERE id = ?", caseKind, citizenSeq, staff, sessionId));

    /// <summary>Sessions started before <paramref name="startedBeforeMs"/> that still hold a citizen.</summary>
    public IReadOnlyList<ReceptionSessionRow> CitizensOlderThan(long startedBeforeMs) => _database.Run(c =>
        c.Query<ReceptionSessionRow>("SELECT * FROM reception_sessions WHERE citizen_sealed IS NOT NULL AND started_ms < ?", startedBeforeMs));

    /// <summary>Deletes the encrypted citizen; the rest of the record (times, outcome, rating) stays.</summary>
    public void WipeCitizen(string sessionId) => _database.Run(c => c.Execute(
        "UPDATE reception_sessions SET citizen_sealed = NULL, citizen_wiped_ms = ? WHERE id = ?", _time.GetUtcNow().ToUnixTimeMilliseconds(), sessionId));

    private void CheckOwner(string kioskId, string sessionId)
    {
        // Session ids name their kiosk ({time}-{kiosk}-{random}); the media and the register must agree.
        var owner = _media.FindSession(sessionId)?.KioskId ?? Find(sessionId)?.KioskId;
        if (KioskNamedIn(sessionId) != kioskId || (owner is not null && owner != kioskId))
        {
            throw new ReceptionRequestException(StatusCodes.Status422UnprocessableEntity, $"Session {sessionId} belongs to another kiosk.");
        }
    }

    /// <summary>The kiosk id between the time and the random suffix of "{time}-{kiosk}-{random}"; empty when the id is not of that shape.</summary>
    public static string KioskNamedIn(string sessionId)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        var first = sessionId.IndexOf('-', StringComparison.Ordinal);
        var last = sessionId.LastIndexOf('-');
        return first >= 0 && last > first + 1 ? sessionId[(first + 1)..last] : string.Empty;
    }

    private void Observe(ReceptionSessionRow before, ReceptionSessionRow after)
    {
        if (before.Outcome.Length == 0 && after.Outcome.Length > 0)
        {
            _metrics.Sessions.Inc(after.Outcome);
            ReceptionLog.SessionClosed(_logger, after.Id, after.Outcome);
        }

        if (before.CardToLiveMs is null && after.CardToLiveMs is { } card)
        {
            _metrics.CardToLive.Observe(card);
        }

        if (before.ButtonToLiveMs is null && after.ButtonToLiveMs is { } button)
        {
            _metrics.ButtonToLive.Observe(button);
        }
    }

    /// <summary>The session as its events say, in seq order whatever order they came in; gaps show what is held so far.</summary>
    private static void Fold(ReceptionSessionRow row, string kioskId, List<ReceptionEventRow> events, long now)
    {
        row.KioskId = kioskId;
        row.Province = kioskId[..2];
        row.Commune = kioskId[3..8];
        row.EventCount = events.Count;
        row.StartedAtMs = events[0].AtMs;
        row.State = events[^1].To;
        row.LiveAtMs = events.FirstOrDefault(e => e.To == ReceptionVocabulary.Live)?.AtMs;
        var closing = events.LastOrDefault(e => e.Outcome is not null);
        row.EndedAtMs = closing?.AtMs;
        row.Outcome = closing?.Outcome ?? string.Empty;
        row.CaseKind = events.LastOrDefault(e => e.CaseKind is not null)?.CaseKind ?? string.Empty;
        row.Rating = events.LastOrDefault(e => e.Rating is not null)?.Rating ?? string.Empty;
        row.Staff = events.LastOrDefault(e => !string.IsNullOrWhiteSpace(e.Staff))?.Staff?.Trim() ?? string.Empty;
        row.CardToLiveMs = events.LastOrDefault(e => e.CardToLiveMs is not null)?.CardToLiveMs;
        row.ButtonToLiveMs = events.LastOrDefault(e => e.ButtonToLiveMs is not null)?.ButtonToLiveMs;
        var contiguous = 0;
        foreach (var e in events)
        {
            if (e.Seq != contiguous + 1)
            {
                break;
            }

            contiguous = e.Seq;
        }

        row.ContiguousSeq = contiguous;
        row.UpdatedAtMs = now;
    }

    private static ReceptionEventRow ToRow(string id, ReceptionEvent e, long now) => new()
    {
        Id = id,
        SessionId = e.SessionId,
        Seq = e.Seq,
        KioskId = e.KioskId,
        AtMs = e.AtMs,
        From = e.From,
        To = e.To,
        Trigger = e.Trigger,
        CaseKind = e.CaseKind,
        Rating = e.Rating,
        Staff = e.Staff,
        Outcome = e.Outcome,
        CardToLiveMs = e.CardToLiveMs,
        ButtonToLiveMs = e.ButtonToLiveMs,
        Detail = e.Detail,
        HadCitizen = e.Citizen is not null,
        ReceivedAtMs = now,
    };

    private static ReceptionSessionRow Copy(ReceptionSessionRow row) => new()
    {
        Id = row.Id,
        Outcome = row.Outcome,
        CardToLiveMs = row.CardToLiveMs,
        ButtonToLiveMs = row.ButtonToLiveMs,
    };
}
