using System.Buffers.Binary;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Tests.Bridge;

/// <summary>
/// A synthetic kiosk stream: segments that open with a real <see cref="SegmentMarker"/> packet,
/// followed by TS packets on PID 0x100 whose payload starts with a global packet number, so a
/// receiver can prove it got every packet in order from its join point on.
/// </summary>
public static class NumberedTs
{
    public const int DataPid = 0x100;

    /// <summary>One segment: marker then <paramref name="packets"/> numbered packets from <paramref name="firstNumber"/>.</summary>
    public static byte[] Segment(string sessionId, int sequence, int firstNumber, int packets)
    {
        var bytes = new byte[(packets + 1) * 188];
        new SegmentMarker(sessionId, sequence, sequence * 90_000L, new byte[32]).ToTsPacket(sequence).CopyTo(bytes, 0);
        for (var i = 0; i < packets; i++)
        {
            var p = bytes.AsSpan((i + 1) * 188, 188);
            p.Fill(0xFF);
            p[0] = 0x47;
            p[1] = (byte)(DataPid >> 8);
            p[2] = DataPid & 0xFF;
            p[3] = (byte)(0x10 | ((firstNumber + i) & 0x0F));
            BinaryPrimitives.WriteInt32BigEndian(p[4..], firstNumber + i);
        }

        return bytes;
    }

    /// <summary>Publishes the segment the way an ingest does: one SRT message (seven packets) per call.</summary>
    public static void Publish(FakeLiveSessionBus bus, string sessionId, byte[] segment)
    {
        for (var offset = 0; offset < segment.Length; offset += SrtConnection.MaxMessageBytes)
        {
            bus.Publish(sessionId, segment.AsSpan(offset, Math.Min(SrtConnection.MaxMessageBytes, segment.Length - offset)));
        }
    }

    /// <summary>What a receiver saw: -1 - sequence for a marker, the packet number otherwise.</summary>
    public static void Read(ReadOnlySpan<byte> message, List<long> into)
    {
        for (var offset = 0; offset + 188 <= message.Length; offset += 188)
        {
            var p = message.Slice(offset, 188);
            if (SegmentMarker.TryParse(p, out var marker))
            {
                into.Add(-1 - marker.Sequence);
            }
            else
            {
                into.Add(BinaryPrimitives.ReadInt32BigEndian(p[4..]));
            }
        }
    }

    /// <summary>Checks the received list starts at a marker and every numbered packet follows the previous one.</summary>
    public static void AssertInOrderFromMarker(IReadOnlyList<long> seen, int expectedPackets)
    {
        Assert.NotEmpty(seen);
        Assert.True(seen[0] < 0, $"the first packet a receiver gets must be a segment marker, got packet {seen[0]}");
        var numbers = seen.Where(s => s >= 0).ToList();
        Assert.True(numbers.Count >= expectedPackets, $"expected at least {expectedPackets} packets, got {numbers.Count}");
        for (var i = 1; i < numbers.Count; i++)
        {
            Assert.True(numbers[i] == numbers[i - 1] + 1, $"packet {numbers[i]} followed {numbers[i - 1]}: lost, duplicated or out of order");
        }
    }
}
