using TiepCongDan.Contracts.Media;

namespace TiepCongDan.Contracts.Tests;

public sealed class MediaSessionIdTests
{
    [Fact]
    public void A_new_id_names_the_UTC_start_and_the_kiosk_and_is_valid()
    {
        var id = MediaSessionId.New("14-04171", new DateTimeOffset(2026, 11, 23, 9, 51, 0, TimeSpan.FromHours(7)));
        Assert.StartsWith("20261123T025100Z-14-04171-", id, StringComparison.Ordinal);
        Assert.True(MediaSessionId.IsValid(id));
        Assert.NotEqual(id, MediaSessionId.New("14-04171", new DateTimeOffset(2026, 11, 23, 9, 51, 0, TimeSpan.FromHours(7))) + "x");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    [InlineData("../../etc/passwd")]
    [InlineData("a b c d e f g h")]
    [InlineData("-startswithdash")]
    public void Ids_unsafe_for_paths_urls_or_stream_ids_are_invalid(string? id) => Assert.False(MediaSessionId.IsValid(id));

    [Fact]
    public void The_SRT_passphrase_is_per_kiosk_and_within_SRT_limits()
    {
        var secret = new byte[32];
        var a = MediaCredentials.DeriveSrtPassphrase(secret, "14-04171");
        Assert.InRange(a.Length, 10, 79);
        Assert.NotEqual(a, MediaCredentials.DeriveSrtPassphrase(secret, "14-04174"));
        Assert.Throws<ArgumentException>(() => MediaCredentials.DeriveSrtPassphrase(new byte[8], "14-04171"));
    }
}
