using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Media.Recording;

/// <summary>Files the journal does not know are kept aside, never deleted.</summary>
public sealed class Orphan_Tests
{
    [Fact]
    public void A_file_missing_from_the_journal_is_moved_to_orphans_not_deleted()
    {
        using var dir = new MediaTestDirectory();
        using (dir.Open())
        {
        }

        var stray = Path.Combine(dir.Settings.Directory, "20261122T100000Z-14-04171-0000", "000003.tse");
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        var content = "TCDE-not-journaled"u8.ToArray();
        File.WriteAllBytes(stray, content);
        var logger = new RecordingLogger();

        using var recorder = dir.Open(logger);

        Assert.False(File.Exists(stray));
        var moved = Path.Combine(dir.Settings.Directory, "orphans", "20261122T100000Z-14-04171-0000", "000003.tse");
        Assert.Equal(content, File.ReadAllBytes(moved));
        Assert.Contains(logger.Entries, e => e.EventId == 6204);
        Assert.Empty(recorder.PendingSessions());
    }
}
