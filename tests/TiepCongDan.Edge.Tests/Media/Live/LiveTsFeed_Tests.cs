using TiepCongDan.Edge.Media.Live;

namespace TiepCongDan.Edge.Tests.Media.Live;

public sealed class LiveTsFeed_Tests
{
    private const string Session = "20261123T025100Z-14-04171-9f3a";

    [Fact]
    public void Only_the_session_streaming_now_can_be_watched()
    {
        var feed = new LiveTsFeed();
        Assert.Null(feed.Subscribe(Session, _ => { }, () => { }));
        feed.Begin(Session);
        Assert.Null(feed.Subscribe("20261123T025100Z-14-04171-0000", _ => { }, () => { }));
        using var watching = feed.Subscribe(Session, _ => { }, () => { });
        Assert.NotNull(watching);
        Assert.Equal(1, feed.Subscribers);
    }

    [Fact]
    public void Every_watcher_gets_the_packets_and_hears_the_end_once_and_a_watcher_that_left_gets_nothing()
    {
        var feed = new LiveTsFeed();
        feed.Begin(Session);
        var first = new List<byte>();
        var second = new List<byte>();
        var endedFirst = 0;
        var endedSecond = 0;
        using var a = feed.Subscribe(Session, p => first.AddRange(p.ToArray()), () => endedFirst++)!;
        var b = feed.Subscribe(Session, p => second.AddRange(p.ToArray()), () => endedSecond++)!;

        feed.Publish([1, 2, 3]);
        b.Dispose();
        feed.Publish([4]);
        feed.End();
        feed.End();

        Assert.Equal([1, 2, 3, 4], first);
        Assert.Equal([1, 2, 3], second);
        Assert.Equal(1, endedFirst);
        Assert.Equal(0, endedSecond);
        Assert.Null(feed.SessionId);
        Assert.Equal(0, feed.Subscribers);
    }

    [Fact]
    public void A_new_session_ends_the_watchers_of_the_last_one()
    {
        var feed = new LiveTsFeed();
        feed.Begin(Session);
        var ended = false;
        using var old = feed.Subscribe(Session, _ => { }, () => ended = true);
        feed.Begin("20261123T030000Z-14-04171-aaaa");
        Assert.True(ended);
        Assert.Equal("20261123T030000Z-14-04171-aaaa", feed.SessionId);
        Assert.Equal(0, feed.Subscribers);
    }
}
