using TiepCongDan.Contracts.Media;

namespace TiepCongDan.Contracts.Tests;

public sealed class FrameStampTests
{
    [Fact]
    public void Bits_round_trip_and_a_flipped_bit_is_refused()
    {
        var value = new FrameStampValue(4_000_000_123, 1_763_866_000_123);
        var bits = FrameStamp.ToBits(value);

        Assert.True(FrameStamp.TryDecode(bits, out var read));
        Assert.Equal(value, read);

        for (var i = 0; i < FrameStamp.Bits; i++)
        {
            var damaged = (bool[])bits.Clone();
            damaged[i] = !damaged[i];
            Assert.False(FrameStamp.TryDecode(damaged, out _), $"bit {i} flipped was accepted");
        }
    }

    [Fact]
    public void Reads_a_painted_picture_and_refuses_a_blank_one()
    {
        const int width = 640;
        const int height = 360;
        var value = new FrameStampValue(299, 1_763_866_000_000);
        var picture = new byte[width * height];
        var bits = FrameStamp.ToBits(value);
        var blockHeight = FrameStamp.StripHeight(width) / FrameStamp.Rows;
        for (var y = 0; y < FrameStamp.StripHeight(width); y++)
        {
            for (var x = 0; x < width; x++)
            {
                picture[(y * width) + x] = bits[(y / blockHeight * FrameStamp.Columns) + (x * FrameStamp.Columns / width)] ? (byte)250 : (byte)5;
            }
        }

        Assert.True(FrameStamp.TryRead(picture, width, height, out var read));
        Assert.Equal(value, read);
        Assert.False(FrameStamp.TryRead(new byte[width * height], width, height, out _));
    }

    [Fact]
    public void Filter_graph_names_its_labels_and_offsets()
    {
        var graph = FrameStamp.FilterGraph("cam", "stamped", 1280, 900, 1_763_866_000_000);

        Assert.StartsWith("[cam]split", graph, StringComparison.Ordinal);
        Assert.EndsWith("[stamped]", graph, StringComparison.Ordinal);
        Assert.Contains("N+900", graph, StringComparison.Ordinal);
        Assert.Contains("1763866000000+round(T*1000)", graph, StringComparison.Ordinal);
        Assert.Contains("scale=1280:120:flags=neighbor", graph, StringComparison.Ordinal);
    }
}
