using System.Buffers;

namespace TiepCongDan.Hub.Tests.Ingest;

/// <summary>A bus subscriber that keeps every byte it is given, in order.</summary>
public sealed class PacketSink
{
    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _bytes = new(1024 * 1024);

    public Action<ReadOnlySpan<byte>> Handler => OnPackets;

    public long Length
    {
        get
        {
            lock (_gate)
            {
                return _bytes.WrittenCount;
            }
        }
    }

    public byte[] ToArray()
    {
        lock (_gate)
        {
            return _bytes.WrittenSpan.ToArray();
        }
    }

    private void OnPackets(ReadOnlySpan<byte> packets)
    {
        Assert.Equal(0, packets.Length % 188);
        lock (_gate)
        {
            _bytes.Write(packets);
        }
    }
}
