using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TiepCongDan.Edge.Media.Recording;

/// <summary>Decrypts segment files written by <see cref="EncryptedSegmentWriter"/>.</summary>
internal static class EncryptedSegmentReader
{
    /// <summary>
    /// The whole plaintext of a closed segment. <see cref="InvalidDataException"/> when any chunk
    /// fails authentication (wrong key, altered byte), the final chunk is missing (truncated) or
    /// the header names another segment.
    /// </summary>
    public static byte[] ReadAll(string path, MediaKey key, string sessionId, int sequence)
    {
        var scan = Scan(path, key, strict: true);
        if (!string.Equals(scan.Header.SessionId, sessionId, StringComparison.Ordinal) || scan.Header.Sequence != sequence)
        {
            throw new InvalidDataException($"Segment file {path} belongs to another segment ({scan.Header.Sequence}).");
        }

        return scan.Plaintext;
    }

    /// <summary>
    /// Reads chunks until the final one. Strict: anything else throws <see cref="InvalidDataException"/>.
    /// Tolerant (crash recovery): stops at the first torn or unauthentic chunk and reports where.
    /// </summary>
    public static SegmentFileScan Scan(string path, MediaKey key, bool strict)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var header = SegmentFileHeader.Read(file);
        using var aes = new AesGcm(key.Bytes, SegmentFileHeader.TagSize);
        using var plaintext = new MemoryStream();
        var validLength = file.Position;
        uint index = 0;
        var final = false;
        Span<byte> nonce = stackalloc byte[12];
        Span<byte> lengthBytes = stackalloc byte[4];
        while (!final)
        {
            if (file.ReadAtLeast(lengthBytes, 4, throwOnEndOfStream: false) < 4)
            {
                return strict ? throw new InvalidDataException($"Segment file {path} is truncated (no final chunk).") : Result();
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(lengthBytes);
            if (length > SegmentFileHeader.MaxChunkBytes || file.Length - file.Position < length + SegmentFileHeader.TagSize)
            {
                return strict ? throw new InvalidDataException($"Segment file {path} is truncated or damaged at chunk {index}.") : Result();
            }

            var record = new byte[length + SegmentFileHeader.TagSize];
            file.ReadExactly(record);
            var chunk = new byte[length];
            header.Nonce(index, nonce);
            var ciphertext = record.AsSpan(0, (int)length);
            var tag = record.AsSpan((int)length);
            if (!TryDecrypt(aes, nonce, ciphertext, tag, chunk, header.Aad(index, final: false)))
            {
                if (!TryDecrypt(aes, nonce, ciphertext, tag, chunk, header.Aad(index, final: true)))
                {
                    return strict ? throw new InvalidDataException($"Segment file {path} failed authentication at chunk {index} (altered, or another key).") : Result();
                }

                final = true;
            }

            plaintext.Write(chunk);
            validLength = file.Position;
            index++;
        }

        if (strict && file.Position != file.Length)
        {
            throw new InvalidDataException($"Segment file {path} has data after its final chunk.");
        }

        return Result();

        SegmentFileScan Result() => new(header, plaintext.ToArray(), validLength, index, final, file.Length);
    }

    private static bool TryDecrypt(AesGcm aes, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, byte[] aad)
    {
        try
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext, aad);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }
}
