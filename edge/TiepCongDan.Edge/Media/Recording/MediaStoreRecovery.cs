using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using TiepCongDan.Edge.Media.Ts;

namespace TiepCongDan.Edge.Media.Recording;

/// <summary>
/// Makes the journal and the files agree after a crash: open segments become closed (recovered)
/// ones, unfinished sessions get an end so they are uploaded, files the journal does not know go
/// to orphans/ (never deleted), rows whose file is gone are marked lost. Every decision is logged.
/// Runs under the recorder's lock.
/// </summary>
internal sealed class MediaStoreRecovery
{
    private readonly MediaJournal _journal;
    private readonly string _root;
    private readonly MediaKey _key;
    private readonly ILogger _logger;

    public MediaStoreRecovery(MediaJournal journal, string root, MediaKey key, ILogger logger)
    {
        _journal = journal;
        _root = root;
        _key = key;
        _logger = logger;
    }

    public void Run()
    {
        foreach (var row in _journal.SegmentsInState(SegmentState.Open))
        {
            RecoverOpenSegment(row);
        }

        foreach (var row in _journal.SegmentsInState(SegmentState.Closed))
        {
            if (!File.Exists(SegmentPath(row)))
            {
                MarkLost(row, "its file is gone");
            }
        }

        foreach (var row in _journal.SegmentsInState(SegmentState.Confirmed))
        {
            // Confirmed by the hub, crash before the row was deleted: finish the deletion.
            File.Delete(SegmentPath(row));
            _journal.DeleteSegment(row.Id);
        }

        EndInterruptedSessions();
        RemoveArchivedSessions();
        MoveOrphans();
    }

    public void RecoverOpenSegment(SegmentRow row)
    {
        var path = SegmentPath(row);
        if (!File.Exists(path))
        {
            MarkLost(row, "its file is gone");
            return;
        }

        byte[] plaintext;
        try
        {
            plaintext = SegmentFileRecovery.Recover(path, _key);
        }
        catch (InvalidDataException e)
        {
            // Killed before the header reached the disk: nothing to keep, but never delete silently.
            MoveToOrphans(path);
            MarkLost(row, e.Message);
            return;
        }

        if (plaintext.Length == 0)
        {
            MoveToOrphans(path);
            MarkLost(row, "no complete chunk was written before the crash");
            return;
        }

        row.State = SegmentState.Closed;
        row.Recovered = true;
        row.Bytes = plaintext.Length;
        row.Sha256 = Convert.ToHexStringLower(SHA256.HashData(plaintext));
        row.DurationMs = TsDurationProbe.DurationMs(plaintext);
        _journal.UpdateSegment(row);
        MediaRecorderLog.SegmentRecovered(_logger, row.SessionId, row.Sequence, row.Bytes);
    }

    private void EndInterruptedSessions()
    {
        foreach (var session in _journal.Sessions().Where(s => s.EndedAtMs is null))
        {
            // A last segment the crash left without one complete chunk holds no media: the
            // session ends with the segment before it, so the hub does not wait for it forever.
            var segments = _journal.Segments(session.SessionId).ToList();
            while (segments.Count > 0 && segments[^1] is { State: SegmentState.Lost, Bytes: 0 })
            {
                segments.RemoveAt(segments.Count - 1);
            }

            var last = segments.Count == 0 ? null : segments[^1];
            session.EndedAtMs = last is null ? session.StartedAtMs : Math.Max(session.StartedAtMs, last.OpenedAtMs + last.DurationMs);
            session.SegmentCount = last is null ? 0 : last.Sequence + 1;
            _journal.UpdateSession(session);
            MediaRecorderLog.SessionRecovered(_logger, session.SessionId, session.SegmentCount.Value, session.EndedAtMs.Value);
        }
    }

    /// <summary>Declared sessions with nothing left to upload (their last segments were lost): nothing more will happen to them.</summary>
    private void RemoveArchivedSessions()
    {
        foreach (var session in _journal.Sessions().Where(s => s.EndDeclared))
        {
            if (!_journal.Segments(session.SessionId).Any(s => s.State is SegmentState.Open or SegmentState.Closed))
            {
                _journal.DeleteSession(session.SessionId);
                MediaRecorderLog.SessionArchived(_logger, session.SessionId);
            }
        }
    }

    private void MoveOrphans()
    {
        var known = _journal.AllSegments()
            .Where(s => s.State is SegmentState.Open or SegmentState.Closed)
            .Select(SegmentPath)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var directory in Directory.EnumerateDirectories(_root))
        {
            if (string.Equals(Path.GetFileName(directory), MediaRecorder.OrphansDirectory, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).ToList())
            {
                if (!known.Contains(file))
                {
                    MoveToOrphans(file);
                }
            }
        }
    }

    private void MoveToOrphans(string path)
    {
        var relative = Path.GetRelativePath(_root, path);
        var destination = Path.Combine(_root, MediaRecorder.OrphansDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        if (File.Exists(destination))
        {
            destination += "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        }

        File.Move(path, destination);
        MediaRecorderLog.OrphanMoved(_logger, path, destination);
    }

    private void MarkLost(SegmentRow row, string reason)
    {
        row.State = SegmentState.Lost;
        _journal.UpdateSegment(row);
        MediaRecorderLog.SegmentLost(_logger, row.SessionId, row.Sequence, reason);
    }

    private string SegmentPath(SegmentRow row) =>
        Path.Combine(_root, row.SessionId, row.Sequence.ToString("D6", CultureInfo.InvariantCulture) + MediaRecorder.SegmentExtension);
}
