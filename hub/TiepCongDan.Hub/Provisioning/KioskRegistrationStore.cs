using TiepCongDan.Hub.Broker;
using TiepCongDan.Hub.Storage;

namespace TiepCongDan.Hub.Provisioning;

/// <summary>
/// Provisioned kiosks and their revocation, in the hub's SQLite file, so a revocation survives a
/// restart. Revoking writes the row first, then adds the kiosk to <see cref="RevokedKiosks"/> (which
/// cuts its live sessions): a crash in between still finds it revoked at the next start.
/// </summary>
public sealed class KioskRegistrationStore
{
    private readonly HubDatabase _db;
    private readonly RevokedKiosks _revoked;
    private readonly TimeProvider _time;

    public KioskRegistrationStore(HubDatabase db, RevokedKiosks revoked, TimeProvider time)
    {
        _db = db;
        _revoked = revoked;
        _time = time;
        _db.Run(c => c.CreateTable<KioskRegistrationRow>());
    }

    /// <summary>The kiosks revoked in the store (read once at start, before anything connects).</summary>
    public static IReadOnlyList<string> StoredRevocations(HubDatabase db)
    {
        db.Run(c => c.CreateTable<KioskRegistrationRow>());
        return db.Run(c => c.Table<KioskRegistrationRow>().Where(r => r.RevokedAtMs != null).ToList()).Select(r => r.KioskId).ToList();
    }

    public KioskRegistrationRow? Find(string kioskId) =>
        _db.Run(c => c.Find<KioskRegistrationRow>(kioskId));

    public IReadOnlyList<KioskRegistrationRow> List() =>
        _db.Run(c => c.Table<KioskRegistrationRow>().OrderBy(r => r.KioskId).ToList());

    /// <summary>Registers (or re-registers, e.g. a replaced SD card) a kiosk; null when it is revoked.</summary>
    public KioskRegistrationRow? Register(string kioskId, string province, string commune, string fingerprint, string by)
    {
        if (_revoked.Contains(kioskId))
        {
            return null;
        }

        var row = new KioskRegistrationRow
        {
            KioskId = kioskId,
            Province = province,
            Commune = commune,
            CertificateFingerprint = fingerprint,
            CreatedBy = by,
            CreatedAtMs = _time.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        _db.Run(c => c.InsertOrReplace(row));
        return row;
    }

    /// <summary>Marks the kiosk enrolled (first time only); false when it was never registered.</summary>
    public bool MarkEnrolled(string kioskId)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return _db.Run(c => c.Execute(
            "UPDATE kiosk_registrations SET enrolled_at = COALESCE(enrolled_at, ?) WHERE kiosk_id = ?", now, kioskId)) > 0;
    }

    /// <summary>Revokes the kiosk (registered or not: the fleet secret derives a password for any id); true when newly revoked.</summary>
    public bool Revoke(string kioskId, string by, string? reason)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        _db.RunInTransaction(c =>
        {
            var row = c.Find<KioskRegistrationRow>(kioskId) ?? new KioskRegistrationRow
            {
                KioskId = kioskId,
                Province = kioskId[..2],
                Commune = kioskId.Substring(3, 5),
                CreatedBy = by,
                CreatedAtMs = now,
            };
            if (row.RevokedAtMs is null)
            {
                row.RevokedAtMs = now;
                row.RevokedBy = by;
                row.RevokedReason = reason;
                c.InsertOrReplace(row);
            }
        });
        return _revoked.Add(kioskId);
    }
}
