using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Contracts.Reception;
using TiepCongDan.Hub.Media;
using TiepCongDan.Hub.Options;

namespace TiepCongDan.Hub.Archive;

/// <summary>
/// The tamper-evident archive of sessions: seals a complete session (manifest.json with its hash chain,
/// signed into manifest.sig), re-signs when its metadata changes (earlier manifests kept under
/// manifests/), verifies, exports MP4 and deletes by retention. Thread-safe: sealing and re-signing are
/// serialised; exports are serialised per session.
/// </summary>
public sealed class SessionArchive : IDisposable
{
    private readonly ArchiveCatalog _catalog;
    private readonly ISessionFiles _files;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ECDsa _key;
    private readonly SemaphoreSlim _sealGate = new(1, 1);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _exportGates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Fingerprint, VerifyReport Report)> _verified = new(StringComparer.Ordinal);

    // Sessions refused at sealing (a file differs from its confirmed hash), with their folder's state then:
    // not hashed and logged again every pass until something in the folder changes.
    private readonly ConcurrentDictionary<string, string> _refused = new(StringComparer.Ordinal);

    // A browser playing an export asks for many byte ranges; each does not need to hash the session again.
    private static readonly TimeSpan ReuseVerificationFor = TimeSpan.FromMinutes(1);

    public SessionArchive(ArchiveCatalog catalog, ISessionFiles files, IOptions<HubOptions> options, TimeProvider time, ILogger<SessionArchive> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog;
        _files = files;
        _time = time;
        _logger = logger;
        var hub = options.Value;
        Layout = new ArchiveLayout(hub.DataDirectoryFullPath);
        RetentionDays = hub.Media.Archive.RetentionDays;
        KeyPath = ArchiveSigningKey.PathFor(hub.DataDirectoryFullPath, hub.Media.Archive.SigningKeyPath);
        _key = ArchiveSigningKey.LoadOrCreate(KeyPath);
        ArchiveLog.KeyLoaded(_logger, ArchiveSigningKey.KeyId(_key), KeyPath, ArchiveSigningKey.PublicPathFor(KeyPath));
    }

    public ArchiveLayout Layout { get; }

    public ArchiveCatalog Catalog => _catalog;

    public int RetentionDays { get; }

    /// <summary>The private key's PEM; the public key is at <see cref="ArchiveSigningKey.PublicPathFor"/>.</summary>
    public string KeyPath { get; }

    /// <summary>The session's metadata row; throws <see cref="SessionNotFoundException"/>.</summary>
    public ArchiveSessionRow Get(string sessionId)
    {
        if (_catalog.Find(sessionId) is { } row)
        {
            return row;
        }

        _catalog.SyncFromMedia();
        return _catalog.Find(sessionId) ?? throw new SessionNotFoundException(sessionId);
    }

    /// <summary>Declared segment count (null while the kiosk records) and the confirmed segments.</summary>
    public (int? Expected, IReadOnlyList<MediaSegmentRow> Segments) Completeness(string sessionId) =>
        (_catalog.Media.FindSession(sessionId)?.SegmentCount, _catalog.Media.Segments(sessionId));

    /// <summary>Seals every ended session whose segments 0..count-1 are all confirmed. Returns how many were sealed.</summary>
    public async Task<int> SealReadyAsync(CancellationToken cancellationToken)
    {
        _catalog.SyncFromMedia();
        var sealedCount = 0;
        foreach (var row in _catalog.Unsealed())
        {
            var (expected, segments) = Completeness(row.Id);
            if (expected is not { } count || !IsComplete(count, segments))
            {
                continue;
            }

            await _sealGate.WaitAsync(cancellationToken);
            try
            {
                var current = _catalog.Find(row.Id);
                var fingerprint = _files.Fingerprint(Location(row));
                if (current is not { ManifestVersion: 0 } || (_refused.TryGetValue(row.Id, out var refusedAt) && refusedAt == fingerprint))
                {
                    continue;
                }

                if (await SegmentsOnDiskMatchAsync(current, segments, cancellationToken))
                {
                    await WriteManifestAsync(current, segments, 1, cancellationToken);
                    _refused.TryRemove(row.Id, out _);
                    sealedCount++;
                }
                else
                {
                    _refused[row.Id] = fingerprint;
                }
            }
            finally
            {
                _sealGate.Release();
            }
        }

        return sealedCount;
    }

    /// <summary>
    /// Sets officials, case kind and citizen reference; a sealed session is re-signed as the next manifest
    /// version. Throws <see cref="ArgumentException"/> for invalid values, <see cref="SessionNotFoundException"/>.
    /// </summary>
    public async Task<ArchiveSessionRow> UpdateMetadataAsync(string sessionId, IReadOnlyList<Official> officials, string caseKind, string citizenRef,
        string user, CancellationToken cancellationToken)
    {
        if (caseKind.Length > 0 && !CaseKinds.IsValid(caseKind))
        {
            throw new ArgumentException($"caseKind '{caseKind}' must be one of {string.Join(", ", CaseKinds.All)}.");
        }

        if (CitizenReference.Problem(citizenRef) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        if (officials.Count > 50 || officials.Any(o => string.IsNullOrWhiteSpace(o.Name) || o.Name.Length > 200 || (o.Role?.Length ?? 0) > 200))
        {
            throw new ArgumentException("officials: up to 50 entries, each with a name (at most 200 characters) and a role.");
        }

        await _sealGate.WaitAsync(cancellationToken);
        try
        {
            var row = Get(sessionId);
            row.OfficialsJson = ArchiveCatalog.OfficialsJson([.. officials.Select(o => new Official(o.Name.Trim(), o.Role?.Trim() ?? string.Empty))]);
            row.CaseKind = caseKind;
            row.CitizenRef = citizenRef.Trim();
            row.MetadataUpdatedAtMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
            row.MetadataUpdatedBy = user;
            _catalog.Update(row);
            if (row.ManifestVersion > 0)
            {
                var previous = row.ManifestVersion;
                await WriteManifestAsync(row, _catalog.Media.Segments(sessionId), previous + 1, cancellationToken);
                ArchiveLog.Resigned(_logger, sessionId, user, previous + 1, previous);
            }

            return row;
        }
        finally
        {
            _sealGate.Release();
        }
    }

    public ArchiveSessionRow SetLegalHold(string sessionId, bool hold, string user)
    {
        var row = Get(sessionId);
        row.LegalHold = hold;
        _catalog.Update(row);
        ArchiveLog.LegalHold(_logger, sessionId, hold, user);
        return row;
    }

    /// <summary>
    /// Verifies the session's files against its signed manifest, hashing every segment. With
    /// <paramref name="reuseRecent"/>, a report under a minute old for files whose names, sizes and times
    /// are unchanged is returned instead (exports only; an explicit verify always hashes).
    /// </summary>
    public async Task<VerifyReport> VerifyAsync(string sessionId, CancellationToken cancellationToken, bool reuseRecent = false)
    {
        var row = Get(sessionId);
        var location = Location(row);
        var fingerprint = _files.Fingerprint(location);
        if (reuseRecent && _verified.TryGetValue(sessionId, out var cached) && cached.Fingerprint == fingerprint
            && _time.GetUtcNow() - cached.Report.CheckedAt < ReuseVerificationFor)
        {
            return cached.Report;
        }

        var report = await ArchiveVerifier.VerifyAsync(_files, location, _key, _time.GetUtcNow(), cancellationToken);
        if (!report.Intact && row.ManifestVersion > 0)
        {
            ArchiveLog.VerifyFailed(_logger, sessionId, string.Join("; ", report.Problems.Select(p => VerifyReport.KindName(p.Kind) + (p.Sequence is { } s ? " " + s.ToString(CultureInfo.InvariantCulture) : string.Empty))));
        }

        _verified[sessionId] = (fingerprint, report);
        return report;
    }

    /// <summary>
    /// The session as one MP4 (cached under archive-exports, rebuilt for each manifest version), after a
    /// verification. Throws <see cref="SessionNotSealedException"/> or <see cref="ArchiveTamperedException"/>.
    /// </summary>
    public async Task<string> ExportAsync(string sessionId, CancellationToken cancellationToken)
    {
        var row = Get(sessionId);
        if (row.ManifestVersion == 0)
        {
            throw new SessionNotSealedException($"Session {sessionId} is not complete and sealed yet; it can be exported once every segment is archived.");
        }

        var report = await VerifyAsync(sessionId, cancellationToken, reuseRecent: true);
        if (!report.Intact)
        {
            throw new ArchiveTamperedException(report);
        }

        if (report.SegmentsChecked == 0)
        {
            throw new SessionNotSealedException($"Session {sessionId} was sealed without any segment; there is nothing to export.");
        }

        var output = Path.Combine(Layout.ExportRoot, string.Create(CultureInfo.InvariantCulture, $"{sessionId}.v{report.ManifestVersion}.mp4"));
        var gate = _exportGates.GetOrAdd(sessionId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!File.Exists(output))
            {
                var location = Location(row);
                var manifest = ManifestJson.Parse(await ArchiveVerifier.ReadAllAsync(_files, location, ArchiveLayout.ManifestFile, cancellationToken));
                await Mp4Exporter.ExportAsync([.. manifest.Segments.Select(s => _files.LocalPath(location, ArchiveLayout.SegmentFileName(s.Seq)))], output, cancellationToken);
                ArchiveLog.Exported(_logger, sessionId, new FileInfo(output).Length);
                DeleteExports(sessionId, keep: output);
            }

            return output;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Deletes ended sessions older than <see cref="RetentionDays"/> that are not under legal hold; records each deletion.</summary>
    public IReadOnlyList<string> DeleteExpired(DateTimeOffset now)
    {
        if (RetentionDays <= 0)
        {
            return [];
        }

        _catalog.SyncFromMedia();
        var cutoff = now.AddDays(-RetentionDays).ToUnixTimeMilliseconds();
        var policy = string.Create(CultureInfo.InvariantCulture, $"retention: ended more than {RetentionDays} days ago");
        var deleted = new List<string>();
        foreach (var row in _catalog.Expired(cutoff))
        {
            var segments = _catalog.Media.Segments(row.Id).Count;
            _files.Delete(Location(row));

            DeleteExports(row.Id, keep: null);
            _catalog.RecordDeletion(row, segments, policy, now.ToUnixTimeMilliseconds());
            _verified.TryRemove(row.Id, out _);
            ArchiveLog.Deleted(_logger, row.Id, policy);
            deleted.Add(row.Id);
        }

        return deleted;
    }

    public void Dispose()
    {
        _key.Dispose();
        _sealGate.Dispose();
        foreach (var gate in _exportGates.Values)
        {
            gate.Dispose();
        }
    }

    private static SessionLocation Location(ArchiveSessionRow row) => new(row.KioskId, row.Id);

    public static bool IsComplete(int expected, IReadOnlyList<MediaSegmentRow> segments) =>
        segments.Count(s => s.Sequence >= 0 && s.Sequence < expected) == expected;

    /// <summary>Removes cached exports of the session (earlier manifest versions, or all of them).</summary>
    private void DeleteExports(string sessionId, string? keep)
    {
        if (!Directory.Exists(Layout.ExportRoot))
        {
            return;
        }

        foreach (var export in Directory.EnumerateFiles(Layout.ExportRoot, sessionId + ".v*.mp4"))
        {
            if (export != keep)
            {
                // A browser may still be reading an older export; on Linux the open file stays readable.
                File.Delete(export);
            }
        }
    }

    private async Task<bool> SegmentsOnDiskMatchAsync(ArchiveSessionRow row, IReadOnlyList<MediaSegmentRow> segments, CancellationToken cancellationToken)
    {
        var location = Location(row);
        foreach (var segment in segments)
        {
            var name = ArchiveLayout.SegmentFileName(segment.Sequence);
            if (!_files.Exists(location, name) || await ArchiveVerifier.HashAsync(_files, location, name, cancellationToken) != segment.Sha256)
            {
                ArchiveLog.SealRefused(_logger, row.Id, segment.Sequence);
                return false;
            }
        }

        return true;
    }

    private async Task WriteManifestAsync(ArchiveSessionRow row, IReadOnlyList<MediaSegmentRow> segments, int version, CancellationToken cancellationToken)
    {
        var count = _catalog.Media.FindSession(row.Id)?.SegmentCount ?? segments.Count;
        var chain = HashChain.Genesis;
        var listed = new List<ManifestSegment>(count);
        foreach (var s in segments.Where(s => s.Sequence < count).OrderBy(s => s.Sequence))
        {
            chain = HashChain.Next(chain, s.Sequence, s.Sha256);
            listed.Add(new ManifestSegment(s.Sequence, s.Sha256, s.Bytes, s.StartPts, s.DurationMs, chain));
        }

        var now = _time.GetUtcNow();
        var manifest = new SessionManifest(version, row.Id, row.KioskId, row.Commune, row.Province, ArchiveCatalog.Officials(row),
            DateTimeOffset.FromUnixTimeMilliseconds(row.StartedAtMs), DateTimeOffset.FromUnixTimeMilliseconds(row.EndedAtMs ?? row.StartedAtMs),
            row.CaseKind, row.CitizenRef, listed, chain, now);
        var bytes = ManifestJson.Serialize(manifest);
        var signature = ManifestSignature.Create(bytes, _key);
        var location = Location(row);
        if (version > 1)
        {
            // The earlier signed manifest is evidence too: moved into history, never overwritten.
            foreach (var (file, extension) in new[] { (ArchiveLayout.ManifestFile, ".json"), (ArchiveLayout.SignatureFile, ".sig") })
            {
                if (_files.Exists(location, file))
                {
                    _files.Move(location, file, ArchiveLayout.HistoryName(version - 1, extension));
                }
            }
        }

        await _files.WriteAsync(location, ArchiveLayout.ManifestFile, bytes, cancellationToken);
        await _files.WriteAsync(location, ArchiveLayout.SignatureFile, signature.ToJson(), cancellationToken);
        row.ManifestVersion = version;
        row.ChainHead = chain;
        row.SealedAtMs = now.ToUnixTimeMilliseconds();
        _catalog.Update(row);
        if (version == 1)
        {
            ArchiveLog.Sealed(_logger, row.Id, version, listed.Count, chain);
        }
    }
}
