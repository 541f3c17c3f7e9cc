using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Tests.Card.Parsing;

public sealed class IdMask_Tests
{
    [Theory]
    [InlineData("001234567864", "001******864")]
    [InlineData("123456789", "123***789")]
    [InlineData("1234567", "*******")]
    [InlineData("12345", "*****")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Masks_the_middle_of_an_id(string? id, string expected) => Assert.Equal(expected, IdMask.Mask(id));
}
