using System.Security.Cryptography;
using TiepCongDan.Contracts.Media;

namespace TiepCongDan.Contracts.Tests;

public sealed class SegmentMarkerTests
{
    [Fact]
    public void A_marker_is_one_TS_packet_on_its_private_PID_and_round_trips()
    {
        var previous = SHA256.HashData("segment 6"u8);
        var marker = new SegmentMarker("20261123T025100Z-14-04171-9f3a", 7, 8_589_934_000L, previous);
        var packet = marker.ToTsPacket(continuityCounter: 5);
        Assert.Equal(188, packet.Length);
        Assert.Equal(0x47, packet[0]);
        Assert.Equal(5, packet[3] & 0x0F);
        Assert.True(SegmentMarker.IsMarkerPacket(packet));
        Assert.True(SegmentMarker.TryParse(packet, out var parsed));
        Assert.Equal(marker.SessionId, parsed.SessionId);
        Assert.Equal(7, parsed.Sequence);
        Assert.Equal(8_589_934_000L, parsed.StartPts);
        Assert.Equal(previous, parsed.PreviousSha256);
    }

    [Fact]
    public void Other_packets_and_damaged_markers_are_not_markers()
    {
        var packet = new SegmentMarker("abcdefgh", 0, 0, new byte[32]).ToTsPacket(0);
        var video = (byte[])packet.Clone();
        video[1] = 0x41; // PID 0x100
        video[2] = 0x00;
        Assert.False(SegmentMarker.TryParse(video, out _));
        var damaged = (byte[])packet.Clone();
        damaged[5] ^= 0xFF; // magic
        Assert.False(SegmentMarker.TryParse(damaged, out _));
        Assert.False(SegmentMarker.TryParse(packet.AsSpan(0, 100), out _));
    }

    [Fact]
    public void A_session_id_longer_than_a_marker_holds_is_refused()
    {
        var marker = new SegmentMarker(new string('a', 81), 0, 0, new byte[32]);
        Assert.Throws<InvalidOperationException>(() => marker.ToTsPacket(0));
    }
}
