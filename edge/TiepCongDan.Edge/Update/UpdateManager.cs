using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TiepCongDan.Edge.Update;

/// <summary>
/// Installs a release beside the running one, switches <c>current</c> atomically, and rolls back
/// an update that is not confirmed healthy before its deadline (docs/decisions/0026). Every step
/// first records itself in the pending-update marker, and <see cref="Guard"/> finishes whatever
/// step a crash interrupted, so running it again is always safe.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UpdateManager(UpdateLayout layout, IServiceRestarter restarter, TimeProvider time, ReleaseTrust trust, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public UpdateLayout Layout => layout;

    /// <summary>Verifies and unpacks <paramref name="source"/>, switches <c>current</c> to it, records the deadline and restarts the service.</summary>
    public async Task<PendingUpdate> InstallAsync(string source, TimeSpan confirmWithin, bool force, CancellationToken cancellationToken)
    {
        if (ReadMarker() is { } pending)
        {
            throw new UpdatePackageException($"update {pending.Id} to {pending.Version} is still pending: wait for its confirmation or run `tcd-edge update guard`");
        }

        Directory.CreateDirectory(layout.Releases);
        var id = Guid.NewGuid().ToString("N");
        var staging = Path.Combine(layout.Releases, ".staging-" + id);
        string version;
        try
        {
            version = ReleasePackage.UnpackAndVerify(source, staging, trust, time.GetUtcNow());
        }
        catch
        {
            DeleteQuietly(staging);
            throw;
        }

        var previous = UpdateLayout.LinkVersion(layout.Current);
        var refusal = version == previous ? $"version {version} is already current"
            : !force && BadVersions().Contains(version) ? $"version {version} was rolled back before; use --force to install it again"
            : null;
        if (refusal is not null)
        {
            DeleteQuietly(staging);
            throw new UpdatePackageException(refusal);
        }

        var target = layout.ReleaseDirectory(version);
        if (Directory.Exists(target))
        {
            // A leftover of an earlier attempt (or an old release): replace it with the verified copy,
            // unless it is what `previous` points at, which must stay intact for a rollback.
            if (version == UpdateLayout.LinkVersion(layout.Previous))
            {
                DeleteQuietly(staging);
                ReleasePackage.Verify(target, trust, time.GetUtcNow());
            }
            else
            {
                Directory.Delete(target, recursive: true);
                Directory.Move(staging, target);
            }
        }
        else
        {
            Directory.Move(staging, target);
        }

        AtomicFiles.SyncDirectory(layout.Releases);
        var now = time.GetUtcNow();
        var marker = new PendingUpdate(id, version, previous, now, now + confirmWithin, PendingUpdateState.Switching);
        WriteMarker(marker);
        if (previous is not null)
        {
            AtomicFiles.ReplaceSymlink(layout.Previous, RelativeTarget(previous));
        }

        AtomicFiles.ReplaceSymlink(layout.Current, RelativeTarget(version));
        marker = marker with { State = PendingUpdateState.Switched };
        WriteMarker(marker);
        UpdateLog.Installed(_logger, id, version, previous, marker.Deadline);
        await restarter.RestartAsync(cancellationToken);
        return marker;
    }

    /// <summary>
    /// Records that <paramref name="runningVersion"/> is healthy, if it is the pending update. Writes only
    /// into the data directory (the sandboxed service cannot write /opt); the guard then keeps the update.
    /// </summary>
    public UpdateConfirmation? Confirm(string? runningVersion)
    {
        var marker = ReadMarker();
        if (marker is null || marker.State == PendingUpdateState.RollingBack || runningVersion != marker.Version)
        {
            return null;
        }

        var confirmation = new UpdateConfirmation(marker.Id, marker.Version, time.GetUtcNow());
        AtomicFiles.WriteJson(layout.Confirmation, confirmation, UpdateJsonContext.Default.UpdateConfirmation, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return confirmation;
    }

    /// <summary>One check of the pending update: keep it, wait, roll it back, or finish an interrupted step.</summary>
    public async Task<GuardOutcome> GuardAsync(CancellationToken cancellationToken)
    {
        var marker = ReadMarker();
        if (marker is null)
        {
            return GuardOutcome.Nothing;
        }

        if (marker.State == PendingUpdateState.Switching)
        {
            if (UpdateLayout.LinkVersion(layout.Current) != marker.Version)
            {
                // Crashed before `current` moved: the old release still runs; forget the attempt.
                Finish(marker, GuardOutcome.Abandoned);
                UpdateLog.Abandoned(_logger, marker.Id, marker.Version, marker.PreviousVersion);
                return GuardOutcome.Abandoned;
            }

            marker = marker with { State = PendingUpdateState.Switched };
            WriteMarker(marker);
        }

        if (marker.State == PendingUpdateState.Switched)
        {
            var confirmation = AtomicFiles.ReadJson(layout.Confirmation, UpdateJsonContext.Default.UpdateConfirmation);
            if (confirmation is not null && confirmation.Id == marker.Id && confirmation.Version == marker.Version)
            {
                Finish(marker, GuardOutcome.Kept);
                UpdateLog.Kept(_logger, marker.Id, marker.Version);
                return GuardOutcome.Kept;
            }

            if (time.GetUtcNow() < marker.Deadline)
            {
                return GuardOutcome.Waiting;
            }

            if (marker.PreviousVersion is null || !Directory.Exists(layout.ReleaseDirectory(marker.PreviousVersion)))
            {
                MarkBad(marker.Version);
                Finish(marker, GuardOutcome.CannotRollBack);
                UpdateLog.CannotRollBack(_logger, marker.Id, marker.Version);
                return GuardOutcome.CannotRollBack;
            }

            marker = marker with { State = PendingUpdateState.RollingBack };
            WriteMarker(marker);
        }

        // RollingBack: every step below is idempotent, so a crash anywhere is finished by the next run.
        MarkBad(marker.Version);
        AtomicFiles.ReplaceSymlink(layout.Current, RelativeTarget(marker.PreviousVersion!));
        await restarter.RestartAsync(cancellationToken);
        Finish(marker, GuardOutcome.RolledBack);
        UpdateLog.RolledBack(_logger, marker.Id, marker.Version, marker.PreviousVersion, marker.Deadline);
        return GuardOutcome.RolledBack;
    }

    public PendingUpdate? ReadMarker() => AtomicFiles.ReadJson(layout.PendingMarker, UpdateJsonContext.Default.PendingUpdate);

    public IReadOnlySet<string> BadVersions() =>
        File.Exists(layout.BadVersions)
            ? File.ReadAllLines(layout.BadVersions).Select(l => l.Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);

    private static string RelativeTarget(string version) => "releases/" + version;

    private void WriteMarker(PendingUpdate marker) =>
        AtomicFiles.WriteJson(layout.PendingMarker, marker, UpdateJsonContext.Default.PendingUpdate,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

    private void MarkBad(string version)
    {
        if (!BadVersions().Contains(version))
        {
            File.AppendAllLines(layout.BadVersions, [version]);
        }
    }

    /// <summary>Writes the outcome for the edge to report, then removes the marker (the step that ends the update).</summary>
    private void Finish(PendingUpdate marker, GuardOutcome outcome)
    {
        var result = new UpdateResult(marker.Id, marker.Version, marker.PreviousVersion, outcome, time.GetUtcNow());
        AtomicFiles.WriteJson(layout.Result, result, UpdateJsonContext.Default.UpdateResult,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.Delete(layout.PendingMarker);
        AtomicFiles.SyncDirectory(layout.Base);
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // a leftover staging folder is harmless; the next install uses a new name
        }
    }
}
