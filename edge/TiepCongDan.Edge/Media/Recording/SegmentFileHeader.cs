using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TiepCongDan.Edge.Media.Recording;

/// <summary>
/// Header of an encrypted segment file (.tse): "TCDE", version, 8-byte random nonce prefix,
/// sequence (u32 BE), session id length (u8) and session id (UTF-8). The whole header is
/// authenticated with every chunk, so a file cannot be passed off as another segment.
/// Chunks follow: [u32 BE ciphertext length][ciphertext][16-byte tag], AES-256-GCM with
/// nonce = prefix + chunk index (u32 BE) and AAD = header + chunk index + final flag. Only a
/// properly closed file ends with a chunk whose final flag is set, so truncation is detected.
/// </summary>
internal sealed class SegmentFileHeader
{
    public const int TagSize = 16;
    public const int MaxChunkBytes = 16 * 1024 * 1024;
    private const byte Version = 1;
    private const int FixedSize = 4 + 1 + 8 + 4 + 1;
    private static readonly byte[] Magic = "TCDE"u8.ToArray();

    private SegmentFileHeader(byte[] bytes, string sessionId, int sequence)
    {
        Bytes = bytes;
        SessionId = sessionId;
        Sequence = sequence;
    }

    public byte[] Bytes { get; }

    public string SessionId { get; }

    public int Sequence { get; }

    private ReadOnlySpan<byte> NoncePrefix => Bytes.AsSpan(5, 8);

    public static SegmentFileHeader Create(string sessionId, int sequence)
    {
        var session = System.Text.Encoding.UTF8.GetBytes(sessionId);
        if (session.Length is 0 or > 255)
        {
            throw new ArgumentException("The session id must be 1-255 UTF-8 bytes.", nameof(sessionId));
        }

        var bytes = new byte[FixedSize + session.Length];
        Magic.CopyTo(bytes, 0);
        bytes[4] = Version;
        RandomNumberGenerator.Fill(bytes.AsSpan(5, 8));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(13), (uint)sequence);
        bytes[17] = (byte)session.Length;
        session.CopyTo(bytes, FixedSize);
        return new SegmentFileHeader(bytes, sessionId, sequence);
    }

    /// <summary>Reads the header at the stream's position; <see cref="InvalidDataException"/> when it is not one.</summary>
    public static SegmentFileHeader Read(Stream stream)
    {
        var fixedPart = new byte[FixedSize];
        if (stream.ReadAtLeast(fixedPart, FixedSize, throwOnEndOfStream: false) < FixedSize
            || !fixedPart.AsSpan(0, 4).SequenceEqual(Magic) || fixedPart[4] != Version || fixedPart[17] == 0)
        {
            throw new InvalidDataException("Not an encrypted segment file (bad TCDE header).");
        }

        var bytes = new byte[FixedSize + fixedPart[17]];
        fixedPart.CopyTo(bytes, 0);
        if (stream.ReadAtLeast(bytes.AsSpan(FixedSize), fixedPart[17], throwOnEndOfStream: false) < fixedPart[17])
        {
            throw new InvalidDataException("Encrypted segment file: header truncated.");
        }

        var sequence = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(13));
        return new SegmentFileHeader(bytes, System.Text.Encoding.UTF8.GetString(bytes.AsSpan(FixedSize)), (int)Math.Min(sequence, int.MaxValue));
    }

    public void Nonce(uint chunkIndex, Span<byte> nonce)
    {
        NoncePrefix.CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[8..], chunkIndex);
    }

    public byte[] Aad(uint chunkIndex, bool final)
    {
        var aad = new byte[Bytes.Length + 5];
        Bytes.CopyTo(aad, 0);
        BinaryPrimitives.WriteUInt32BigEndian(aad.AsSpan(Bytes.Length), chunkIndex);
        aad[^1] = final ? (byte)1 : (byte)0;
        return aad;
    }
}
