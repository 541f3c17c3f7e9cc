namespace TiepCongDan.Edge.Media.Ts;

/// <summary>
/// Cuts a byte stream that arrives in arbitrary chunks into 188-byte TS packets. A packet is
/// accepted when the next one also starts with 0x47, so a torn packet (an encoder killed
/// mid-write, a pipe that lost bytes) is skipped and the reader resyncs instead of passing a
/// misaligned packet on. The last packet is held until its successor proves it, or until
/// <see cref="Flush"/>. Not thread-safe.
/// </summary>
internal sealed class TsPacketReader
{
    private readonly byte[] _buffer = new byte[TsPacket.Size * 64];
    private int _count;

    /// <summary>Bytes thrown away while looking for sync.</summary>
    public long SkippedBytes { get; private set; }

    /// <summary>Feeds bytes; calls <paramref name="onPacket"/> for each proven packet (the span is only valid during the call).</summary>
    public void Write(ReadOnlySpan<byte> data, TsPacketHandler onPacket)
    {
        while (!data.IsEmpty)
        {
            var take = Math.Min(data.Length, _buffer.Length - _count);
            data[..take].CopyTo(_buffer.AsSpan(_count));
            _count += take;
            data = data[take..];
            Drain(onPacket, final: false);
        }
    }

    /// <summary>End of one input stream: passes a last whole packet on and discards a torn tail.</summary>
    public void Flush(TsPacketHandler onPacket)
    {
        Drain(onPacket, final: true);
        SkippedBytes += _count;
        _count = 0;
    }

    private void Drain(TsPacketHandler onPacket, bool final)
    {
        var pos = 0;
        while (true)
        {
            var available = _count - pos;
            if (available < TsPacket.Size || (available == TsPacket.Size && !final))
            {
                if (available > 0 && _buffer[pos] != TsPacket.SyncByte)
                {
                    pos = NextSync(pos + 1);
                    continue;
                }

                break;
            }

            if (_buffer[pos] == TsPacket.SyncByte && (available == TsPacket.Size || _buffer[pos + TsPacket.Size] == TsPacket.SyncByte))
            {
                onPacket(_buffer.AsSpan(pos, TsPacket.Size));
                pos += TsPacket.Size;
            }
            else
            {
                pos = NextSync(pos + 1);
            }
        }

        if (pos > 0)
        {
            _buffer.AsSpan(pos, _count - pos).CopyTo(_buffer);
            _count -= pos;
        }
    }

    private int NextSync(int from)
    {
        var index = _buffer.AsSpan(from, _count - from).IndexOf(TsPacket.SyncByte);
        var next = index < 0 ? _count : from + index;
        SkippedBytes += next - (from - 1);
        return next;
    }
}
