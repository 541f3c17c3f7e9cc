using TiepCongDan.Edge.Media.Uplink;

namespace TiepCongDan.Edge.Tests.Media.Uplink;

public sealed class TsMessageQueueTests
{
    [Fact]
    public void Splits_into_1316_byte_messages_with_a_shorter_tail()
    {
        var queue = new TsMessageQueue(100_000);
        Assert.Equal(0, queue.Enqueue(UplinkTestKit.TsPackets(0, 17)));
        var lengths = new List<int>();
        while (queue.TryTake(TimeSpan.Zero, out var message))
        {
            lengths.Add(message.Length);
            queue.Release(message);
        }

        Assert.Equal([1316, 1316, 3 * 188], lengths);
        Assert.Equal(0, queue.OutstandingBytes);
    }

    [Fact]
    public void Over_the_limit_the_oldest_messages_go()
    {
        var queue = new TsMessageQueue(3 * 1316);
        var dropped = 0L;
        for (var i = 0; i < 5; i++)
        {
            dropped += queue.Enqueue(UplinkTestKit.TsPackets(i * 7, 7));
        }

        Assert.Equal(2 * 1316, dropped);
        Assert.True(queue.TryTake(TimeSpan.Zero, out var first));
        Assert.Equal(14, BitConverter.ToInt32(first.Buffer, 4)); // message 2 (packets 14..20) is now the oldest
        Assert.Equal(3 * 1316, queue.OutstandingBytes); // taken but not yet released still counts
        queue.Release(first);
        Assert.Equal(2 * 1316, queue.Clear());
        Assert.Equal(0, queue.OutstandingBytes);
    }

    [Fact]
    public void Refuses_a_partial_TS_packet() =>
        Assert.Throws<ArgumentException>(() => new TsMessageQueue(100_000).Enqueue(new byte[189]));
}
