using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Media.Upload;

namespace TiepCongDan.Edge.Tests.Media.Upload;

public sealed class UploadRateLimiterTests
{
    [Fact]
    public async Task Without_a_cap_chunks_never_wait()
    {
        var time = new FakeTimeProvider();
        var limiter = new UploadRateLimiter(null, time);

        for (var i = 0; i < 10; i++)
        {
            Assert.True(limiter.WaitAsync(1_000_000, CancellationToken.None).IsCompleted);
        }

        await limiter.WaitAsync(1, CancellationToken.None);
    }

    [Fact]
    public async Task With_a_cap_the_next_chunk_waits_for_the_previous_ones_share_of_time()
    {
        var time = new FakeTimeProvider();
        var limiter = new UploadRateLimiter(100_000, time);

        await limiter.WaitAsync(200_000, CancellationToken.None);
        var second = limiter.WaitAsync(100_000, CancellationToken.None);
        Assert.False(second.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.2));
        await second.WaitAsync(TimeSpan.FromSeconds(10));

        var third = limiter.WaitAsync(1, CancellationToken.None);
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
