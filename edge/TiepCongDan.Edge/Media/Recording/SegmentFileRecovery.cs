using System.Security.Cryptography;
using TiepCongDan.Edge.Media.Ts;

namespace TiepCongDan.Edge.Media.Recording;

/// <summary>
/// Turns a segment file a killed process left open into a valid closed one: keeps the
/// authenticated chunks, drops a torn trailing chunk, cuts to whole TS packets and writes the
/// final chunk. In place when the plaintext is already whole packets (the writer only writes
/// whole packets), so it works on a nearly full disk; otherwise through a rewritten copy.
/// </summary>
internal static class SegmentFileRecovery
{
    /// <summary>The recovered plaintext (whole 188-byte packets; may be empty).</summary>
    public static byte[] Recover(string path, MediaKey key)
    {
        var scan = EncryptedSegmentReader.Scan(path, key, strict: false);
        if (scan.Final)
        {
            // Closed on disk before the crash, but the journal had not heard of it yet.
            if (scan.ValidLength != scan.FileLength)
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
                file.SetLength(scan.ValidLength);
                file.Flush(flushToDisk: true);
            }

            return scan.Plaintext;
        }

        var whole = scan.Plaintext.Length - (scan.Plaintext.Length % TsPacket.Size);
        using var aes = new AesGcm(key.Bytes, SegmentFileHeader.TagSize);
        if (whole == scan.Plaintext.Length)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
            file.SetLength(scan.ValidLength);
            file.Seek(0, SeekOrigin.End);
            file.Write(EncryptedSegmentWriter.EncryptChunk(aes, scan.Header, scan.Chunks, final: true, []));
            file.Flush(flushToDisk: true);
            return scan.Plaintext;
        }

        // A fresh nonce prefix: the same nonces must never encrypt different chunk contents.
        var header = SegmentFileHeader.Create(scan.Header.SessionId, scan.Header.Sequence);
        var plaintext = scan.Plaintext.AsSpan(0, whole).ToArray();
        var temp = path + ".recover";
        using (var file = new FileStream(temp, PrivateFiles.NewFile(FileMode.Create)))
        {
            file.Write(header.Bytes);
            file.Write(EncryptedSegmentWriter.EncryptChunk(aes, header, 0, final: true, plaintext));
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
        return plaintext;
    }
}
