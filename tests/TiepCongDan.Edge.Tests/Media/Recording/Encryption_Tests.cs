using TiepCongDan.Edge.Media.Recording;

namespace TiepCongDan.Edge.Tests.Media.Recording;

/// <summary>Segments at rest are AES-256-GCM: no plaintext on disk, another key or any change is refused.</summary>
public sealed class Encryption_Tests
{
    [Fact]
    public void Segment_files_hold_no_plaintext_and_refuse_another_key_a_flipped_byte_and_truncation()
    {
        using var dir = new MediaTestDirectory();
        using var recorder = dir.Open();
        var sessionId = dir.NewSessionId();
        var session = recorder.BeginSession(sessionId, "14-04171", 1_000);
        session.Write(MediaTestTools.StandardStream);
        session.Complete(13_000);
        var segment = recorder.PendingSegments(sessionId)[0];
        var path = Path.Combine(dir.Settings.Directory, sessionId, "000000.tse");
        var file = File.ReadAllBytes(path);

        Assert.Equal("TCDE"u8.ToArray(), file[..4]);
        Assert.False(HasTsRun(file), "the segment file contains plaintext MPEG-TS");
        Assert.True(HasTsRun(MediaTestTools.StandardStream), "the detector must see plaintext TS");

        var otherKey = MediaKey.LoadOrCreate(Path.Combine(dir.Root, "other.key"));
        Assert.Throws<InvalidDataException>(() => EncryptedSegmentReader.ReadAll(path, otherKey, sessionId, 0));

        var flipped = (byte[])file.Clone();
        flipped[file.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, flipped);
        Assert.Throws<InvalidDataException>(() => recorder.OpenPlaintext(segment));

        // Drop the final (empty) chunk: every remaining chunk is authentic, yet the file is incomplete.
        File.WriteAllBytes(path, file[..^20]);
        var truncated = Assert.Throws<InvalidDataException>(() => recorder.OpenPlaintext(segment));
        Assert.Contains("truncated", truncated.Message, StringComparison.Ordinal);

        File.WriteAllBytes(path, file);
        using var intact = recorder.OpenPlaintext(segment);
        Assert.Equal(segment.Bytes, intact.Length);
    }

    [Fact]
    public void A_chunk_reaches_the_file_after_500_ms_even_when_little_was_buffered()
    {
        using var dir = new MediaTestDirectory();
        Directory.CreateDirectory(dir.Root);
        var key = MediaKey.LoadOrCreate(dir.Settings.KeyPath);
        var path = Path.Combine(dir.Root, "000000.tse");
        var data = new byte[188 * 10];
        using (var writer = EncryptedSegmentWriter.Create(path, key, "20261123T030000Z-14-04171-abcd", 0, dir.Time))
        {
            writer.Write(data);
            var headerOnly = new FileInfo(path).Length;
            dir.Time.Advance(TimeSpan.FromMilliseconds(600));
            writer.Write(data);
            Assert.Equal(headerOnly + 4 + (2 * data.Length) + 16, new FileInfo(path).Length);
            writer.Close();
        }

        Assert.Equal(2 * data.Length, EncryptedSegmentReader.ReadAll(path, key, "20261123T030000Z-14-04171-abcd", 0).Length);
        Assert.Throws<InvalidDataException>(() => EncryptedSegmentReader.ReadAll(path, key, "20261123T030000Z-14-04171-abcd", 1));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_media_key_is_created_private_and_a_wrong_length_is_refused()
    {
        using var dir = new MediaTestDirectory();
        var path = Path.Combine(dir.Root, "secret", "media.key");
        MediaKey.LoadOrCreate(path);

        Assert.Equal(32, new FileInfo(path).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        var before = File.ReadAllBytes(path);
        MediaKey.LoadOrCreate(path);
        Assert.Equal(before, File.ReadAllBytes(path));

        File.WriteAllBytes(path, new byte[16]);
        var error = Assert.Throws<InvalidDataException>(() => MediaKey.LoadOrCreate(path));
        Assert.Contains("exactly 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_huge_write_becomes_several_chunks_of_whole_packets()
    {
        using var dir = new MediaTestDirectory();
        Directory.CreateDirectory(dir.Root);
        var key = MediaKey.LoadOrCreate(dir.Settings.KeyPath);
        var path = Path.Combine(dir.Root, "000000.tse");
        var data = MediaTestTools.StandardStream.AsSpan(0, 188 * 6000).ToArray(); // 1.1 MB in one call
        using (var writer = EncryptedSegmentWriter.Create(path, key, "20261123T030000Z-14-04171-abcd", 0, dir.Time))
        {
            writer.Write(data);
            var scan = EncryptedSegmentReader.Scan(path, key, strict: false);
            Assert.True(scan.Chunks >= 4, $"{scan.Chunks} chunks");
            Assert.Equal(0, scan.Plaintext.Length % 188);
            writer.Close();
        }

        Assert.Equal(data, EncryptedSegmentReader.ReadAll(path, key, "20261123T030000Z-14-04171-abcd", 0));
    }

    /// <summary>Eight sync bytes at 188-byte spacing: by chance about once in 2^56 positions.</summary>
    private static bool HasTsRun(byte[] data)
    {
        for (var i = 0; i + (7 * 188) < data.Length; i++)
        {
            var run = true;
            for (var k = 0; k < 8 && run; k++)
            {
                run = data[i + (k * 188)] == 0x47;
            }

            if (run)
            {
                return true;
            }
        }

        return false;
    }
}
