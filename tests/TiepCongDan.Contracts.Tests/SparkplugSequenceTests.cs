using TiepCongDan.Contracts.Sparkplug;

namespace TiepCongDan.Contracts.Tests;

public sealed class SparkplugSequenceTests
{
    [Theory]
    [InlineData(0ul, 1ul)]
    [InlineData(254ul, 255ul)]
    [InlineData(255ul, 0ul)]
    public void Next_wraps_at_256(ulong current, ulong expected) => Assert.Equal(expected, SparkplugSequence.Next(current));

    [Theory]
    [InlineData(255ul, 0ul, true)]
    [InlineData(3ul, 4ul, true)]
    [InlineData(3ul, 5ul, false)]
    [InlineData(3ul, 3ul, false)]
    [InlineData(0ul, 255ul, false)]
    public void Follows_detects_gaps_and_repeats(ulong previous, ulong received, bool follows) =>
        Assert.Equal(follows, SparkplugSequence.Follows(previous, received));
}
