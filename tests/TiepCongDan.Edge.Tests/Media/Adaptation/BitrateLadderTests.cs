using TiepCongDan.Edge.Media.Adaptation;

namespace TiepCongDan.Edge.Tests.Media.Adaptation;

public sealed class BitrateLadderTests
{
    [Fact]
    public void Default_is_five_rungs_from_720p_2500k_down_to_360p_300k()
    {
        var ladder = BitrateLadder.Default;
        Assert.Equal(5, ladder.Count);
        Assert.Equal(new LadderRung("720p-2500k", 1280, 720, 2500), ladder[0]);
        Assert.Equal(new LadderRung("480p-600k", 854, 480, 600), ladder[3]);
        Assert.Equal(new LadderRung("360p-300k", 640, 360, 300), ladder[4]);
        Assert.Equal("2500k@1280x720,1500k@1280x720,1000k@960x540,600k@854x480,300k@640x360", ladder.ToString());
    }

    [Fact]
    public void Parse_accepts_spaces_and_a_missing_k()
    {
        var ladder = BitrateLadder.Parse(" 1200@1280x720 , 400K@640x360 ");
        Assert.Equal([1200, 400], ladder.Rungs.Select(r => r.VideoKbps));
        Assert.Equal(640, ladder[1].Width);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("2500k-1280x720", "rung 1 '2500k-1280x720' is not of the form")]
    [InlineData("2500k@1280x720,fast@640x360", "rung 2 'fast@640x360'")]
    [InlineData("1000k@1280x720,1500k@960x540", "must be below rung 1")]
    [InlineData("1000k@1280x720,1000k@960x540", "must be below rung 1")]
    [InlineData("1000k@961x540", "must be even")]
    [InlineData("10k@640x360", "50-50000")]
    public void Parse_explains_what_is_wrong(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => BitrateLadder.Parse(text));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ladder_needs_a_rung() => Assert.Throws<ArgumentException>(() => new BitrateLadder([]));
}
