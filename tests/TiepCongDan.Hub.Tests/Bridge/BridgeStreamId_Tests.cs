using TiepCongDan.Hub.Bridge;

namespace TiepCongDan.Hub.Tests.Bridge;

/// <summary>The bridge's stream ids, the message cutting at segment markers, the back-off and the options check.</summary>
public sealed class BridgeStreamId_Tests
{
    [Theory]
    [InlineData("#!::r=session/S1-abcdefgh,m=request,u=tinh-14", BridgeStreamKind.PointRequest, "S1-abcdefgh", "tinh-14")]
    [InlineData("#!::r=session/S1-abcdefgh,m=publish,u=trung-uong", BridgeStreamKind.PointPublish, "S1-abcdefgh", "trung-uong")]
    [InlineData("#!::u=14-04171,r=return/S1-abcdefgh,m=request,x=1", BridgeStreamKind.KioskReturn, "S1-abcdefgh", "14-04171")]
    public void Parses_what_points_and_kiosks_send(string text, BridgeStreamKind kind, string session, string user)
    {
        Assert.True(BridgeStreamId.TryParse(text, out var id));
        Assert.Equal(new BridgeStreamId(kind, session, user), id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("session/x")]
    [InlineData("#!::r=kiosk/14-04171,m=publish,u=14-04171")]
    [InlineData("#!::r=return/S1,m=publish,u=14-04171")]
    [InlineData("#!::r=session/,m=request,u=p")]
    [InlineData("#!::r=session/S1,m=request")]
    [InlineData("#!::r=session/S1,m=request,u=p,garbage")]
    public void Refuses_anything_else(string? text) => Assert.False(BridgeStreamId.TryParse(text, out _));

    [Fact]
    public void The_hub_pushes_with_the_documented_stream_id() =>
        Assert.Equal("#!::r=session/S1,m=publish,u=hub,s=S1", BridgeStreamId.ForPush("S1"));

    [Fact]
    public void A_segment_marker_always_opens_a_message_and_messages_hold_at_most_seven_packets()
    {
        var first = NumberedTs.Segment("S1-abcdefgh", 0, 0, 10);
        var second = NumberedTs.Segment("S1-abcdefgh", 1, 10, 3);
        var messages = new List<TsMessage>();
        TsMessageSplitter.Split([.. first, .. second], 0, messages);
        Assert.Equal([7 * 188, 4 * 188, 4 * 188], messages.Select(m => m.Data.Length));
        Assert.Equal([true, false, true], messages.Select(m => m.StartsWithMarker));
        var seen = new List<long>();
        foreach (var m in messages)
        {
            NumberedTs.Read(m.Data, seen);
        }

        Assert.Equal([-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -2, 10, 11, 12], seen);
    }

    [Fact]
    public void The_queue_drops_the_oldest_and_counts_it()
    {
        var queue = new DropOldestQueue(2);
        foreach (var i in new byte[] { 1, 2, 3 })
        {
            queue.Add(new TsMessage([i], false, 0));
        }

        Assert.Equal(1, queue.Dropped);
        Assert.Equal(2, queue.Take(TimeSpan.Zero)!.Data[0]);
        Assert.Equal(3, queue.Take(TimeSpan.Zero)!.Data[0]);
        Assert.Null(queue.Take(TimeSpan.FromMilliseconds(10)));
    }

    [Fact]
    public void Back_off_is_full_jitter_under_a_doubling_ceiling()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), new Random(4));
        var delays = Enumerable.Range(0, 8).Select(_ => backoff.Next().TotalMilliseconds).ToArray();
        for (var i = 0; i < delays.Length; i++)
        {
            Assert.InRange(delays[i], 1, Math.Min(1000, 100 * Math.Pow(2, i)));
        }

        backoff.Reset();
        Assert.InRange(backoff.Next().TotalMilliseconds, 1, 100);
    }

    [Fact]
    public void Wrong_options_are_named_with_their_key()
    {
        var errors = BridgeOptionsValidator.Check(new BridgeOptions { Port = 70000, ComposeLayout = "mosaic", QueueMessages = 1, ComposeWidth = 642 });
        Assert.Contains(errors, e => e.StartsWith("Hub:Media:Bridge:Port", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Hub:Media:Bridge:ComposeLayout", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Hub:Media:Bridge:QueueMessages", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Hub:Media:Bridge:ComposeWidth", StringComparison.Ordinal));
        Assert.Empty(BridgeOptionsValidator.Check(new BridgeOptions()));
    }

    [Fact]
    public void The_grid_of_four_officials_is_two_by_two()
    {
        var graph = ComposeLayout.FilterGraph(4, "grid", 640, 360);
        Assert.Contains("xstack=inputs=4:layout=0_0|320_0|0_180|320_180", graph, StringComparison.Ordinal);
        Assert.Contains("amix=inputs=4", graph, StringComparison.Ordinal);
    }
}
