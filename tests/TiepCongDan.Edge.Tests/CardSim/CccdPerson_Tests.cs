using TiepCongDan.CardSim.Cccd;
using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Tests.CardSim;

public sealed class CccdPerson_Tests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void TD1_MRZ_has_three_lines_of_30_and_every_check_digit_the_edge_verifies()
    {
        var person = CccdPerson.Hung;

        var lines = person.Td1MrzText.Split('\n');
        var mrz = Td1Mrz.Parse(person.Td1MrzText, Today);

        Assert.All(lines, l => Assert.Equal(30, l.Length));
        Assert.Equal("079078000999", mrz.IdNumber);
        Assert.Equal("078000999", mrz.DocumentNumber);
        Assert.Equal(new DateOnly(1978, 11, 2), mrz.DateOfBirth);
        Assert.Equal('M', mrz.Sex);
        Assert.Equal("TRUONG", mrz.Surname);
        Assert.Equal("DINH HUNG", mrz.GivenNames);
        Assert.Equal(person.MrzInformation, mrz.BacKeySeed);
    }

    [Fact]
    public void Front_QR_parses_with_the_edge_and_gives_the_same_keys()
    {
        var person = CccdPerson.Tuyet;

        var qr = CccdQr.Parse(person.FrontQrText);

        Assert.Equal(person.IdNumber, qr.IdNumber);
        Assert.Equal(person.OldIdNumber, qr.OldIdNumber);
        Assert.Equal(person.FullName, qr.FullName);
        Assert.Equal(person.DateOfBirth, qr.DateOfBirth);
        Assert.Equal("Nữ", qr.Sex);
        Assert.Equal(person.PlaceOfResidence, qr.Address);
        Assert.Equal(person.DateOfIssue, qr.DateOfIssue);
        Assert.Equal(person.Can, qr.Can);
        Assert.Equal("012345", person.Can);
        Assert.Contains<DateOnly?>(person.DateOfExpiry, qr.ExpiryCandidates());
    }

    [Theory]
    [InlineData("Đặng Ngọc Ưng Hoàng", "DANG", "NGOC UNG HOANG")]
    [InlineData("Ông Thị Ơn", "ONG", "THI ON")]
    [InlineData("Tôn Nữ Thị Huyền Trân Công Chúa Phương Đông", "TON", "NU THI HUYEN TRAN CONG CH")]
    public void MRZ_names_drop_diacritics_read_D_for_Đ_and_fit_the_line(string fullName, string surname, string given)
    {
        var person = CccdPerson.Tuyet with { FullName = fullName };

        var mrz = Td1Mrz.Parse(person.Td1MrzText, Today);
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { Person = person, IncludeDg2 = false, IncludeDg14 = false, IncludeDg15 = false });

        Assert.Equal(surname, mrz.Surname);
        Assert.Equal(given, mrz.GivenNames);
        Assert.Equal(fullName, Dg13.Parse(card.Image.Dg13).FullName);
    }

    [Fact]
    public void A_person_whose_ID_is_not_12_digits_is_refused()
    {
        var bad = CccdPerson.Tuyet with { IdNumber = "12345" };

        Assert.Throws<ArgumentException>(() => new VirtualCccdCard(new VirtualCccdCardOptions { Person = bad }));
    }
}
