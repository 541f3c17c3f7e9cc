using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Tests.Card.Parsing;

public sealed class Td1Mrz_Tests
{
    [Fact]
    public void Parses_a_cccd_mrz_from_three_lines()
    {
        var mrz = Td1Mrz.Parse(CardSamples.Td1(), CardSamples.Today);

        Assert.Equal("ID", mrz.DocumentCode);
        Assert.Equal("VNM", mrz.IssuingState);
        Assert.Equal("234567864", mrz.DocumentNumber);
        Assert.Equal(CardSamples.IdNumber, mrz.IdNumber);
        Assert.Equal(new DateOnly(1990, 3, 15), mrz.DateOfBirth);
        Assert.Equal("900315", mrz.DateOfBirthText);
        Assert.Equal('F', mrz.Sex);
        Assert.Equal(new DateOnly(2030, 3, 15), mrz.DateOfExpiry);
        Assert.Equal("VNM", mrz.Nationality);
        Assert.Equal("NGUYEN", mrz.Surname);
        Assert.Equal("THI HONG NHUNG", mrz.GivenNames);
    }

    [Fact]
    public void Parses_the_same_mrz_as_one_90_character_string()
    {
        var oneLine = CardSamples.Td1().Replace("\n", string.Empty, StringComparison.Ordinal);
        Assert.Equal(90, oneLine.Length);
        var mrz = Td1Mrz.Parse(oneLine, CardSamples.Today);
        Assert.Equal("234567864", mrz.DocumentNumber);
        Assert.Equal("THI HONG NHUNG", mrz.GivenNames);
    }

    [Fact]
    public void A_birth_year_after_today_is_in_the_previous_century_and_the_bac_seed_matches_icao()
    {
        var mrz = Td1Mrz.Parse(CardSamples.Td1(dob: "400101", expiry: "310101"), CardSamples.Today);
        Assert.Equal(new DateOnly(1940, 1, 1), mrz.DateOfBirth);
        Assert.Equal("234567864" + MrzCheckDigit.Compute("234567864") + "400101" + MrzCheckDigit.Compute("400101") + "310101" + MrzCheckDigit.Compute("310101"), mrz.BacKeySeed);
    }

    [Fact]
    public void Icao_check_digits_match_the_appendix_d_example()
    {
        // ICAO 9303-11 Appendix D: "L898902C<369080619406236".
        Assert.Equal('3', MrzCheckDigit.Compute("L898902C<"));
        Assert.Equal('1', MrzCheckDigit.Compute("690806"));
        Assert.Equal('6', MrzCheckDigit.Compute("940623"));
    }

    [Theory]
    [InlineData(14, MrzCheck.DocumentNumber)]
    [InlineData(36, MrzCheck.DateOfBirth)]
    [InlineData(44, MrzCheck.DateOfExpiry)]
    [InlineData(59, MrzCheck.Composite)]
    public void A_wrong_check_digit_names_the_failed_check(int position, MrzCheck check)
    {
        var text = CardSamples.Td1().Replace("\n", string.Empty, StringComparison.Ordinal).ToCharArray();
        text[position] = text[position] == '0' ? '1' : '0';

        var e = Assert.Throws<MrzCheckDigitException>(() => Td1Mrz.Parse(new string(text), CardSamples.Today));
        Assert.Equal(check, e.Check);
        Assert.Contains(check.ToString(), e.Message, StringComparison.Ordinal);
        Assert.Equal(position, e.Offset);
    }

    [Fact]
    public void A_misread_data_character_fails_its_check_digit()
    {
        var text = CardSamples.Td1().Replace("\n", string.Empty, StringComparison.Ordinal).ToCharArray();
        text[32] = text[32] == '0' ? '1' : '0'; // inside the date of birth
        Assert.Equal(MrzCheck.DateOfBirth, Assert.Throws<MrzCheckDigitException>(() => Td1Mrz.Parse(new string(text), CardSamples.Today)).Check);

        text = CardSamples.Td1().Replace("\n", string.Empty, StringComparison.Ordinal).ToCharArray();
        text[20] = text[20] == '0' ? '1' : '0'; // optional data: only the composite covers it
        Assert.Equal(MrzCheck.Composite, Assert.Throws<MrzCheckDigitException>(() => Td1Mrz.Parse(new string(text), CardSamples.Today)).Check);
    }

    [Theory]
    [InlineData("too short")]
    [InlineData("")]
    public void Wrong_length_is_a_typed_error(string text) =>
        Assert.Contains("90 characters", Assert.Throws<CardDataException>(() => Td1Mrz.Parse(text, CardSamples.Today)).Message, StringComparison.Ordinal);

    [Fact]
    public void Lowercase_or_foreign_characters_are_refused_with_their_offset()
    {
        var text = CardSamples.Td1().Replace("\n", string.Empty, StringComparison.Ordinal).ToCharArray();
        text[70] = 'ễ';
        var e = Assert.Throws<CardDataException>(() => Td1Mrz.Parse(new string(text), CardSamples.Today));
        Assert.Equal(70, e.Offset);
    }

    [Fact]
    public void An_impossible_date_with_valid_check_digits_is_refused()
    {
        var e = Assert.Throws<CardDataException>(() => Td1Mrz.Parse(CardSamples.Td1(dob: "901315"), CardSamples.Today));
        Assert.Contains("date of birth", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_number_longer_than_nine_continues_in_the_optional_data()
    {
        // ICAO 9303-5 note j: filler in the check position, the rest and its check digit at the start of the optional data.
        const string number = "D23145890734";
        var check = MrzCheckDigit.Compute(number);
        var l1 = ("IDVNM" + number[..9] + "<" + number[9..] + check).PadRight(30, '<');
        var dob = "900315";
        var exp = "300315";
        var l2 = dob + MrzCheckDigit.Compute(dob) + "M" + exp + MrzCheckDigit.Compute(exp) + "VNM" + new string('<', 11);
        l2 += MrzCheckDigit.Compute(string.Concat(l1.AsSpan(5), l2.AsSpan(0, 7), l2.AsSpan(8, 7), l2.AsSpan(18, 11)));

        var mrz = Td1Mrz.Parse(l1 + l2 + "TRAN<<VAN<BINH".PadRight(30, '<'), CardSamples.Today);
        Assert.Equal(number, mrz.DocumentNumber);
        Assert.Equal(string.Empty, mrz.IdNumber);
        Assert.Equal("TRAN", mrz.Surname);
    }
}
