using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace TiepCongDan.Contracts.Media;

/// <summary>
/// One MPEG-TS packet the kiosk puts first in every segment, on a private PID that is not in the
/// PMT (players ignore it). It names the session and segment number and carries the SHA-256 of
/// the previous segment, so the hub can cut its live recording at exactly the kiosk's boundaries
/// and confirm each live-received segment byte for byte without asking the kiosk to upload it.
/// Payload layout (big endian): "TCDS", version (1), seq (u32), start PTS (u64, 90 kHz),
/// previous segment SHA-256 (32 bytes, zero for seq 0), session id length (u8), session id (UTF-8).
/// </summary>
public sealed record SegmentMarker(string SessionId, int Sequence, long StartPts, byte[] PreviousSha256)
{
    public const int Pid = 0x1FF0;
    public const int TsPacketSize = 188;
    private const byte Version = 1;
    private static readonly byte[] Magic = "TCDS"u8.ToArray();

    /// <summary>A complete 188-byte TS packet (payload only, stuffed with 0xFF).</summary>
    public byte[] ToTsPacket(int continuityCounter)
    {
        var session = Encoding.UTF8.GetBytes(SessionId);
        if (session.Length > 80 || PreviousSha256.Length != 32)
        {
            throw new InvalidOperationException("Segment marker: session id over 80 bytes or hash not 32 bytes.");
        }

        var packet = new byte[TsPacketSize];
        packet.AsSpan().Fill(0xFF);
        packet[0] = 0x47;
        packet[1] = (byte)(0x40 | ((Pid >> 8) & 0x1F)); // payload unit start
        packet[2] = (byte)(Pid & 0xFF);
        packet[3] = (byte)(0x10 | (continuityCounter & 0x0F)); // payload only
        var p = packet.AsSpan(4);
        Magic.CopyTo(p);
        p[4] = Version;
        BinaryPrimitives.WriteUInt32BigEndian(p[5..], (uint)Sequence);
        BinaryPrimitives.WriteInt64BigEndian(p[9..], StartPts);
        PreviousSha256.CopyTo(p[17..]);
        p[49] = (byte)session.Length;
        session.CopyTo(p[50..]);
        return packet;
    }

    public static bool IsMarkerPacket(ReadOnlySpan<byte> tsPacket) =>
        tsPacket.Length >= TsPacketSize && tsPacket[0] == 0x47 && (((tsPacket[1] & 0x1F) << 8) | tsPacket[2]) == Pid;

    public static bool TryParse(ReadOnlySpan<byte> tsPacket, [NotNullWhen(true)] out SegmentMarker? marker)
    {
        marker = null;
        if (!IsMarkerPacket(tsPacket) || (tsPacket[3] & 0x30) != 0x10)
        {
            return false;
        }

        var p = tsPacket[4..TsPacketSize];
        if (!p[..4].SequenceEqual(Magic) || p[4] != Version || p[49] > 80)
        {
            return false;
        }

        var sequence = BinaryPrimitives.ReadUInt32BigEndian(p[5..]);
        if (sequence > int.MaxValue)
        {
            return false;
        }

        var session = Encoding.UTF8.GetString(p.Slice(50, p[49]));
        marker = new SegmentMarker(session, (int)sequence, BinaryPrimitives.ReadInt64BigEndian(p[9..]), p.Slice(17, 32).ToArray());
        return true;
    }
}
