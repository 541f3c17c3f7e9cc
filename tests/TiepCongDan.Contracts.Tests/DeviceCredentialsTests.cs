using System.Security.Cryptography;
using TiepCongDan.Contracts.Fleet;

namespace TiepCongDan.Contracts.Tests;

public sealed class DeviceCredentialsTests
{
    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Each_kiosk_gets_its_own_stable_password()
    {
        var a = DeviceCredentials.DerivePassword(_secret, "14-04171");
        Assert.Equal(a, DeviceCredentials.DerivePassword(_secret, "14-04171"));
        Assert.NotEqual(a, DeviceCredentials.DerivePassword(_secret, "14-04172"));
        Assert.DoesNotContain('=', a);
        Assert.True(DeviceCredentials.Verify(_secret, "14-04171", a));
    }

    [Fact]
    public void Another_kiosks_password_or_none_is_refused()
    {
        var other = DeviceCredentials.DerivePassword(_secret, "14-04172");
        Assert.False(DeviceCredentials.Verify(_secret, "14-04171", other));
        Assert.False(DeviceCredentials.Verify(_secret, "14-04171", null));
        Assert.False(DeviceCredentials.Verify(_secret, "14-04171", ""));
    }

    [Fact]
    public void A_short_secret_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DeviceCredentials.DerivePassword(new byte[8], "14-04171"));
    }
}
