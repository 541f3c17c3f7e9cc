using Microsoft.Extensions.Logging;
using TiepCongDan.Hub.Archive;
using TiepCongDan.Hub.Media;

namespace TiepCongDan.Hub.Reception;

/// <summary>
/// Gives the archive session what the register knows: the case kind, the staff member as an official,
/// and the citizen as an HMAC reference (never the ID number). Media often arrives after the events,
/// so sessions are retried until their archive session exists; a sealed one is re-signed by the archive.
/// Thread-safe (passes are serialised).
/// </summary>
public sealed class ReceptionArchiveLink : IDisposable
{
    /// <summary>The official's role the staff member gets in the manifest.</summary>
    public const string StaffRole = "Cán bộ tiếp công dân";

    /// <summary>Who the archive records as having changed the metadata.</summary>
    public const string UpdatedBy = "reception-register";

    // Media sent days after the events still gets its metadata; sessions that never get media are not retried for ever.
    private static readonly TimeSpan RetryFor = TimeSpan.FromDays(30);

    private readonly ReceptionRegister _register;
    private readonly SessionArchive _archive;
    private readonly MediaArchiveStore _media;
    private readonly CitizenProtector _protector;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public ReceptionArchiveLink(ReceptionRegister register, SessionArchive archive, MediaArchiveStore media, CitizenProtector protector, TimeProvider time,
        ILogger<ReceptionArchiveLink> logger)
    {
        _register = register;
        _archive = archive;
        _media = media;
        _protector = protector;
        _time = time;
        _logger = logger;
    }

    /// <summary>Links every pending session whose archive session exists; returns how many were linked.</summary>
    public async Task<int> LinkPendingAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var linked = 0;
            var since = _time.GetUtcNow().Subtract(RetryFor).ToUnixTimeMilliseconds();
            foreach (var row in _register.PendingArchiveLink(since))
            {
                if (_media.FindSession(row.Id) is not { } media || media.KioskId != row.KioskId)
                {
                    continue;
                }

                try
                {
                    await LinkAsync(row, cancellationToken);
                    linked++;
                }
                catch (Exception ex) when (ex is ArgumentException or SessionNotFoundException or InvalidOperationException or IOException)
                {
                    ReceptionLog.ArchiveLinkFailed(_logger, row.Id, ex.Message);
                }
            }

            return linked;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Starts a pass in the background (after new events), its failure logged like a periodic pass's.</summary>
    public void Kick() => _ = Task.Run(async () =>
    {
        try
        {
            await LinkPendingAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            ReceptionLog.PassFailed(_logger, ex);
        }
    });

    public void Dispose() => _gate.Dispose();

    private async Task LinkAsync(ReceptionSessionRow row, CancellationToken cancellationToken)
    {
        var archived = _archive.Get(row.Id);
        var officials = ArchiveCatalog.Officials(archived).ToList();
        if (row.Staff.Length > 0 && !officials.Any(o => o.Name == row.Staff))
        {
            officials.Add(new Official(row.Staff, StaffRole));
        }

        // What an operator set by hand is kept unless the kiosk knows better.
        var caseKind = row.CaseKind.Length > 0 ? row.CaseKind : archived.CaseKind;
        var citizen = _register.Citizen(row);
        var citizenRef = citizen is not null ? _protector.Reference(citizen.IdNumber) : archived.CitizenRef;
        await _archive.UpdateMetadataAsync(row.Id, officials, caseKind, citizenRef, UpdatedBy, cancellationToken);
        _register.MarkArchiveLinked(row.Id, row.CaseKind, row.CitizenSealed is null ? 0 : row.CitizenSeq, row.Staff);
        ReceptionLog.ArchiveLinked(_logger, row.Id, caseKind, citizen is not null);
    }
}
