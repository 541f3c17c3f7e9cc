using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TiepCongDan.Edge.Media.Recording;

/// <summary>
/// Writes one segment file encrypted in chunks (see <see cref="SegmentFileHeader"/>). A chunk
/// goes to the kernel when 64 KiB are buffered or 500 ms have passed, so a killed process loses
/// at most that much; <see cref="Close"/> writes the final chunk and fsyncs. Not thread-safe.
/// </summary>
internal sealed class EncryptedSegmentWriter : IDisposable
{
    public const int ChunkBytes = 64 * 1024;
    private const int MaxPiece = (ChunkBytes * 4) - (ChunkBytes * 4 % 188);
    public static readonly TimeSpan ChunkInterval = TimeSpan.FromMilliseconds(500);

    private readonly FileStream _file;
    private readonly AesGcm _aes;
    private readonly SegmentFileHeader _header;
    private readonly TimeProvider _time;
    private byte[] _buffer = new byte[ChunkBytes * 2];
    private int _buffered;
    private long _firstBufferedAt;
    private uint _chunkIndex;
    private bool _closed;

    private EncryptedSegmentWriter(FileStream file, AesGcm aes, SegmentFileHeader header, TimeProvider time)
    {
        _file = file;
        _aes = aes;
        _header = header;
        _time = time;
    }

    public string Path => _file.Name;

    /// <summary>Plaintext bytes accepted so far.</summary>
    public long PlaintextBytes { get; private set; }

    public static EncryptedSegmentWriter Create(string path, MediaKey key, string sessionId, int sequence, TimeProvider time)
    {
        var header = SegmentFileHeader.Create(sessionId, sequence);
        // Unbuffered: every chunk reaches the kernel at once, so a SIGKILL cannot lose it.
        var file = new FileStream(path, PrivateFiles.NewFile(FileMode.CreateNew, bufferSize: 0));
        try
        {
            file.Write(header.Bytes);
            return new EncryptedSegmentWriter(file, new AesGcm(key.Bytes, SegmentFileHeader.TagSize), header, time);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        // A huge write is split on packet boundaries, so no chunk outgrows what the reader accepts
        // and recovered plaintext stays whole packets.
        while (data.Length > MaxPiece)
        {
            Buffer(data[..MaxPiece]);
            data = data[MaxPiece..];
        }

        Buffer(data);
    }
    private void Buffer(ReadOnlySpan<byte> data)
    {
        if (_buffered == 0)
        {
            _firstBufferedAt = _time.GetTimestamp();
        }

        if (_buffered + data.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _buffered + data.Length));
        }

        data.CopyTo(_buffer.AsSpan(_buffered));
        _buffered += data.Length;
        PlaintextBytes += data.Length;
        if (_buffered >= ChunkBytes || _time.GetElapsedTime(_firstBufferedAt) >= ChunkInterval)
        {
            WriteChunk(final: false);
        }
    }

    /// <summary>Writes the buffered bytes as a chunk when they have waited 500 ms (an encoder that stalls must not keep them in memory).</summary>
    public void FlushIfDue()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (_buffered > 0 && _time.GetElapsedTime(_firstBufferedAt) >= ChunkInterval)
        {
            WriteChunk(final: false);
        }
    }

    /// <summary>Writes the final chunk and fsyncs: afterwards the file is a complete segment.</summary>
    public void Close()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        WriteChunk(final: true);
        _file.Flush(flushToDisk: true);
        _closed = true;
        _file.Dispose();
        _aes.Dispose();
    }

    public void Dispose()
    {
        _closed = true;
        _file.Dispose();
        _aes.Dispose();
    }

    internal static byte[] EncryptChunk(AesGcm aes, SegmentFileHeader header, uint index, bool final, ReadOnlySpan<byte> plaintext)
    {
        var record = new byte[4 + plaintext.Length + SegmentFileHeader.TagSize];
        BinaryPrimitives.WriteUInt32BigEndian(record, (uint)plaintext.Length);
        Span<byte> nonce = stackalloc byte[12];
        header.Nonce(index, nonce);
        aes.Encrypt(nonce, plaintext, record.AsSpan(4, plaintext.Length), record.AsSpan(4 + plaintext.Length), header.Aad(index, final));
        return record;
    }

    private void WriteChunk(bool final)
    {
        var record = EncryptChunk(_aes, _header, _chunkIndex, final, _buffer.AsSpan(0, _buffered));
        _file.Write(record);
        _chunkIndex++;
        _buffered = 0;
    }
}
