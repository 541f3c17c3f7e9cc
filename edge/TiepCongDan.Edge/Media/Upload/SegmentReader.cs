using TiepCongDan.Edge.Media.Recording;

namespace TiepCongDan.Edge.Media.Upload;

/// <summary>
/// Reads a segment's plaintext at any offset: sequentially while the upload goes forward, by seeking
/// or reopening (the decrypting stream may not seek) when the hub sends the upload elsewhere.
/// </summary>
internal sealed class SegmentReader : IAsyncDisposable
{
    private readonly ISegmentCatalog _catalog;
    private readonly SegmentRecord _segment;
    private Stream? _stream;
    private long _position;

    public SegmentReader(ISegmentCatalog catalog, SegmentRecord segment)
    {
        _catalog = catalog;
        _segment = segment;
    }

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/>; throws <see cref="EndOfStreamException"/> when the file is shorter than recorded.</summary>
    public async Task ReadAsync(long offset, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        await MoveToAsync(offset, cancellationToken);
        await _stream!.ReadExactlyAsync(buffer, cancellationToken);
        _position += buffer.Length;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }
    }

    private async Task MoveToAsync(long offset, CancellationToken cancellationToken)
    {
        if (_stream is not null && _position == offset)
        {
            return;
        }

        if (_stream is { CanSeek: true })
        {
            _stream.Position = offset;
            _position = offset;
            return;
        }

        if (_stream is not null)
        {
            await _stream.DisposeAsync();
        }

        _stream = _catalog.OpenPlaintext(_segment);
        _position = 0;
        var skip = new byte[64 * 1024];
        while (_position < offset)
        {
            var want = (int)Math.Min(skip.Length, offset - _position);
            await _stream.ReadExactlyAsync(skip.AsMemory(0, want), cancellationToken);
            _position += want;
        }
    }
}
