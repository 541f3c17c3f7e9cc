using TiepCongDan.Contracts.Media;
using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Bridge;

/// <summary>
/// Cuts what the ingest delivers into SRT messages of at most seven TS packets, starting a new
/// message at every segment marker so that a marker always opens a message (the join point).
/// Bytes that are not whole packets are passed through unchanged: the bridge forwards, it does not police.
/// </summary>
public static class TsMessageSplitter
{
    private const int PacketsPerMessage = SrtConnection.MaxMessageBytes / SegmentMarker.TsPacketSize;

    public static void Split(ReadOnlySpan<byte> packets, long arrivedTimestamp, List<TsMessage> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        const int size = SegmentMarker.TsPacketSize;
        var start = 0;
        var count = 0;
        for (var offset = 0; offset < packets.Length; offset += size)
        {
            var length = Math.Min(size, packets.Length - offset);
            var isMarker = length == size && SegmentMarker.IsMarkerPacket(packets.Slice(offset, size));
            if (count > 0 && (isMarker || count == PacketsPerMessage))
            {
                into.Add(Message(packets[start..offset], arrivedTimestamp));
                start = offset;
                count = 0;
            }

            count++;
        }

        if (start < packets.Length)
        {
            into.Add(Message(packets[start..], arrivedTimestamp));
        }
    }

    private static TsMessage Message(ReadOnlySpan<byte> bytes, long arrivedTimestamp) =>
        new(bytes.ToArray(), SegmentMarker.IsMarkerPacket(bytes), arrivedTimestamp);
}
