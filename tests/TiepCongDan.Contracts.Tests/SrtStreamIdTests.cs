using TiepCongDan.Contracts.Media;

namespace TiepCongDan.Contracts.Tests;

public sealed class SrtStreamIdTests
{
    [Fact]
    public void A_kiosk_publish_id_uses_SRT_access_control_syntax_and_parses_back()
    {
        var id = SrtStreamId.Publish("14-04171", "20261123T025100Z-14-04171-9f3a");
        Assert.Equal("#!::r=kiosk/14-04171,m=publish,u=14-04171,s=20261123T025100Z-14-04171-9f3a", id.ToString());
        Assert.True(SrtStreamId.TryParse(id.ToString(), out var parsed));
        Assert.Equal(id, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("kiosk/14-04171")]
    [InlineData("#!::r=kiosk/14-04171,m=publish,u=14-04171")]
    [InlineData("#!::r=kiosk/14-04171,m=publish,u=,s=x")]
    [InlineData("#!::garbage")]
    public void Anything_else_is_refused(string? text) => Assert.False(SrtStreamId.TryParse(text, out _));

    [Fact]
    public void Unknown_keys_are_ignored_as_the_SRT_spec_allows()
    {
        Assert.True(SrtStreamId.TryParse("#!::h=hub,r=kiosk/14-04171,m=publish,u=14-04171,s=abcdefgh,t=stream", out var id));
        Assert.Equal("abcdefgh", id.Session);
    }
}
