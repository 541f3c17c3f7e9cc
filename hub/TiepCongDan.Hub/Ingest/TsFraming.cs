namespace TiepCongDan.Hub.Ingest;

/// <summary>
/// Keeps the well-formed MPEG-TS packets of one SRT message: a kiosk sends whole 188-byte packets
/// (7 per message), so a slot without the 0x47 sync byte, or a torn tail, is dropped and counted
/// rather than passed on to a recorder or a reception point.
/// </summary>
internal static class TsFraming
{
    public const int PacketSize = 188;
    public const byte SyncByte = 0x47;

    /// <summary>Copies the good packets of <paramref name="message"/> into <paramref name="output"/> (at least as long); returns the bytes copied.</summary>
    public static int KeepWholePackets(ReadOnlySpan<byte> message, Span<byte> output, out int badPackets)
    {
        badPackets = 0;
        var written = 0;
        var offset = 0;
        for (; offset + PacketSize <= message.Length; offset += PacketSize)
        {
            var packet = message.Slice(offset, PacketSize);
            if (packet[0] != SyncByte)
            {
                badPackets++;
                continue;
            }

            packet.CopyTo(output[written..]);
            written += PacketSize;
        }

        if (offset < message.Length)
        {
            badPackets++;
        }

        return written;
    }

    public static int Pid(ReadOnlySpan<byte> packet) => ((packet[1] & 0x1F) << 8) | packet[2];
}
