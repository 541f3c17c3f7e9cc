using TiepCongDan.Contracts.Fleet;

namespace TiepCongDan.Contracts.Tests;

public sealed class KioskIdTests
{
    [Theory]
    [InlineData("14-04171", true)]
    [InlineData("14-04171-02", true)]
    [InlineData("14-4171", false)]
    [InlineData("14/04171", false)]
    [InlineData("14-04171-2", false)]
    [InlineData("14-04171+", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Validates_the_kiosk_id_shape(string? id, bool valid) => Assert.Equal(valid, KioskId.IsValid(id));

    [Fact]
    public void Creates_ids_from_codes_and_reads_back_the_province()
    {
        Assert.Equal("14-04171", KioskId.Create("14", "04171"));
        Assert.Equal("14-04171-02", KioskId.Create("14", "04171", 2));
        Assert.Equal("14", KioskId.ProvinceOf("14-04171-02"));
    }

    [Fact]
    public void Bad_codes_say_what_is_wrong()
    {
        var error = Assert.Throws<ArgumentException>(() => KioskId.Create("4", "04171"));
        Assert.Contains("2 digits", error.Message, StringComparison.Ordinal);
    }
}
