using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Tests.Card.Parsing;

public sealed class IdMask_Tests
{
    [Theory]
    [InlineData("001234567864", "0012******64")]
    [InlineData("123456789", "1234***89")]
    [InlineData("12345", "*****")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Masks_the_middle_of_an_id(string? id, string expected) => Assert.Equal(expected, IdMask.Mask(id));
}
