using TiepCongDan.Edge.Sparkplug;

namespace TiepCongDan.Edge.Tests.Sparkplug;

public sealed class ReconnectBackoff_Tests
{
    [Fact]
    public void Delays_grow_exponentially_stay_between_min_and_max_and_are_jittered()
    {
        var min = TimeSpan.FromSeconds(1);
        var max = TimeSpan.FromSeconds(60);
        var random = new Random(1);

        var first = Enumerable.Range(0, 200).Select(_ => ReconnectBackoff.Delay(0, min, max, random)).ToList();
        var late = Enumerable.Range(0, 200).Select(_ => ReconnectBackoff.Delay(20, min, max, random)).ToList();

        Assert.All(first, d => Assert.Equal(min, d));
        Assert.All(late, d => Assert.InRange(d, min, max));
        Assert.True(late.Distinct().Count() > 150, "jitter must spread reconnects");
        Assert.True(late.Max() > TimeSpan.FromSeconds(50));
        Assert.InRange(ReconnectBackoff.Delay(3, min, max, random), min, TimeSpan.FromSeconds(8));
    }
}
