using System.Diagnostics;
using System.Security.Cryptography;
using TiepCongDan.Edge.Media.Recording;

namespace TiepCongDan.Edge.Tests.Media.Recording;

/// <summary>A real 3 MB tmpfs fills up under a recording session.</summary>
public sealed class Disk_Full_Tests
{
    [Fact]
    public void A_full_disk_fails_the_session_cleanly_and_keeps_the_journal_and_earlier_segments()
    {
        var stream = MediaTestTools.Encode(30, "1500k");
        Assert.True(stream.Length > 4 * 1024 * 1024, $"the encode must outgrow the 3 MB disk ({stream.Length} bytes)");
        using var dir = new MediaTestDirectory();
        var mount = dir.Settings.Directory;
        Directory.CreateDirectory(mount);
        Run("mount", $"-t tmpfs -o size=3m tmpfs {mount}");
        MediaRecorder? recorder = null;
        try
        {
            dir.Settings.LowDiskBytes = 1536 * 1024;
            dir.Settings.ReserveBytes = 0; // let the kernel say ENOSPC
            var filler = Path.Combine(mount, "filler"); // what a technician could delete later
            File.WriteAllBytes(filler, new byte[256 * 1024]);
            recorder = dir.Open();
            var sessionId = dir.NewSessionId();
            var session = recorder.BeginSession(sessionId, "14-04171", 1_000);
            long live = 0;
            session.LiveOutput = bytes => live += bytes.Length;
            var levels = new List<StorageLevel> { recorder.Storage().Level };
            var closed = new List<SegmentRecord>();
            var failures = new List<string>();
            session.SegmentClosed += s =>
            {
                closed.Add(s);
                levels.Add(recorder.Storage().Level);
            };
            session.Failed += failures.Add;

            MediaTestTools.WriteInChunks(m => session.Write(m.Span), stream, seed: 5);
            session.Complete(31_000);

            Assert.True(session.HasFailed);
            var reason = Assert.Single(failures);
            Assert.Equal(reason, session.FailureReason);
            Assert.StartsWith("Không ghi được bản ghi hình", reason, StringComparison.Ordinal);
            Assert.Equal(StorageLevel.Ok, levels[0]);
            Assert.Contains(StorageLevel.Low, levels);
            Assert.NotEmpty(closed);
            Assert.True(live > 4 * 1024 * 1024, "the live output keeps flowing after the disk failed");

            recorder.Dispose();
            File.Delete(filler);
            recorder = dir.Open();
            var pending = recorder.PendingSegments(sessionId);
            Assert.True(pending.Count >= closed.Count, $"{pending.Count} pending, {closed.Count} closed before the failure");
            Assert.Equal(closed, pending.Take(closed.Count));
            foreach (var segment in pending)
            {
                using var plain = recorder.OpenPlaintext(segment);
                Assert.Equal(segment.Sha256, Convert.ToHexStringLower(SHA256.HashData(plain)));
            }

            var record = Assert.Single(recorder.PendingSessions());
            Assert.NotNull(record.EndedAtMs);
        }
        finally
        {
            recorder?.Dispose();
            Run("umount", mount);
        }
    }

    [Fact]
    public void Below_the_reserve_recording_stops_and_storage_reports_full()
    {
        var stream = MediaTestTools.Encode(30, "1500k");
        using var dir = new MediaTestDirectory();
        var mount = dir.Settings.Directory;
        Directory.CreateDirectory(mount);
        Run("mount", $"-t tmpfs -o size=3m tmpfs {mount}");
        MediaRecorder? recorder = null;
        try
        {
            dir.Settings.LowDiskBytes = 1536 * 1024;
            dir.Settings.ReserveBytes = 1024 * 1024;
            recorder = dir.Open();
            var sessionId = dir.NewSessionId();
            var session = recorder.BeginSession(sessionId, "14-04171", 1_000);

            MediaTestTools.WriteInChunks(m => session.Write(m.Span), stream, seed: 7);
            session.Complete(31_000);

            Assert.True(session.HasFailed);
            Assert.Contains("below the reserve", session.FailureReason, StringComparison.Ordinal);
            var storage = recorder.Storage();
            Assert.Equal(StorageLevel.Full, storage.Level);
            Assert.True(storage.FreeBytes > 256 * 1024, $"the reserve must be kept free, {storage.FreeBytes} bytes left");
            var pending = recorder.PendingSegments(sessionId);
            Assert.NotEmpty(pending);
            Assert.Equal(pending.Sum(s => s.Bytes), storage.PendingBytes);
            // The declared count covers every segment of the stream, also those only the live uplink carried.
            Assert.Equal((int?)session.Segments, Assert.Single(recorder.PendingSessions()).SegmentCount);
            Assert.True(session.Segments > pending.Count);
            foreach (var segment in pending)
            {
                using var plain = recorder.OpenPlaintext(segment);
                Assert.Equal(segment.Sha256, Convert.ToHexStringLower(SHA256.HashData(plain)));
            }
        }
        finally
        {
            recorder?.Dispose();
            Run("umount", mount);
        }
    }

    private static void Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{program} did not start");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {arguments} failed (needs root and util-linux's mount): {error}");
    }
}
