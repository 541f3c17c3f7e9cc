using TiepCongDan.Edge.Card.Parsing;

namespace TiepCongDan.Edge.Tests.Card.Parsing;

public sealed class CccdQr_Tests
{
    [Fact]
    public void Parses_the_front_qr_with_diacritics_and_gives_the_chip_keys()
    {
        var qr = CccdQr.Parse(CardSamples.Qr + "\r\n");

        Assert.Equal(CardSamples.IdNumber, qr.IdNumber);
        Assert.Equal("123456789", qr.OldIdNumber);
        Assert.Equal("Nguyễn Thị Hồng Nhung", qr.FullName);
        Assert.Equal(new DateOnly(1990, 3, 15), qr.DateOfBirth);
        Assert.Equal("Nữ", qr.Sex);
        Assert.StartsWith("Số 12 ngõ 34", qr.Address, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2021, 4, 20), qr.DateOfIssue);
        Assert.Empty(qr.ExtraFields);
        Assert.Equal("567864", qr.Can);
        Assert.Equal("234567864", qr.BacDocumentNumber);
    }

    [Fact]
    public void Decomposed_text_from_a_scanner_comes_out_nfc()
    {
        var decomposed = CardSamples.Qr.Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual(CardSamples.Qr, decomposed);
        Assert.Equal("Nguyễn Thị Hồng Nhung", CccdQr.Parse(decomposed).FullName);
    }

    [Fact]
    public void An_empty_old_id_and_extra_trailing_fields_are_accepted()
    {
        var qr = CccdQr.Parse("079301002345||Trần Văn Bình|01011993|Nam|Phường Bến Nghé, Quận 1, TP Hồ Chí Minh|12082022||");
        Assert.Equal(string.Empty, qr.OldIdNumber);
        Assert.Equal(["", ""], qr.ExtraFields);
        Assert.Equal("Trần Văn Bình", qr.FullName);
    }

    [Theory]
    [InlineData("001234567864|123456789|Nguyễn Thị Hồng Nhung|15031990|Nữ|Hà Nội", "fields")]
    [InlineData("", "fields")]
    [InlineData("00123456786|123456789|Nguyễn Thị Hồng Nhung|15031990|Nữ|Hà Nội|20042021", "12 digits")]
    [InlineData("00123456786X|123456789|Nguyễn Thị Hồng Nhung|15031990|Nữ|Hà Nội|20042021", "12 digits")]
    [InlineData("001234567864|12345|Nguyễn Thị Hồng Nhung|15031990|Nữ|Hà Nội|20042021", "old ID")]
    [InlineData("001234567864||   |15031990|Nữ|Hà Nội|20042021", "full name")]
    [InlineData("001234567864||Nguyễn Thị Hồng Nhung|1990-03-15|Nữ|Hà Nội|20042021", "date of birth")]
    [InlineData("001234567864||Nguyễn Thị Hồng Nhung|31021990|Nữ|Hà Nội|20042021", "date of birth")]
    [InlineData("001234567864||Nguyễn Thị Hồng Nhung|15031990|Nữ|Hà Nội|", "date of issue")]
    [InlineData("001234567864||Nguyễn Thị Hồng Nhung|15031990|Nữ|Hà Nội|01011980", "before the date of birth")]
    public void Bad_qr_text_is_a_typed_error_naming_the_field(string text, string what) =>
        Assert.Contains(what, Assert.Throws<CardDataException>(() => CccdQr.Parse(text)).Message, StringComparison.Ordinal);

    public static TheoryData<string, string, string?[]> Expiries => new()
    {
        // Issued at 31: expires at the 40th birthday (or the day before, as some cards print).
        { "1990-03-15", "2021-04-20", ["2030-03-15", "2030-03-14"] },
        // Issued at 23, within two years of 25: valid until 40; the plain reading (25) is tried next.
        { "1998-06-10", "2021-09-01", ["2038-06-10", "2023-06-10", "2038-06-09", "2023-06-09"] },
        // Issued at 12, within two years of 14: valid until 25.
        { "2012-05-05", "2024-07-01", ["2037-05-05", "2026-05-05", "2037-05-04", "2026-05-04"] },
        // Issued at 9: until 14.
        { "2015-05-05", "2024-07-01", ["2029-05-05", "2029-05-04"] },
        // Issued on the 25th birthday itself: the 25 renewal is done, until 40.
        { "2000-02-01", "2025-02-01", ["2040-02-01", "2040-01-31"] },
        // Issued at 58, within two years of 60: no expiry; the plain reading (60) next.
        { "1965-01-01", "2023-07-01", [null, "2025-01-01", "2024-12-31"] },
        // Issued at 71: no expiry.
        { "1950-01-01", "2021-06-01", [null] },
    };

    [Theory]
    [MemberData(nameof(Expiries))]
    public void Expiry_candidates_follow_the_renewal_ages(string dob, string issue, string?[] expected)
    {
        var candidates = CccdQr.ExpiryCandidatesFor(DateOnly.Parse(dob, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(issue, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, candidates.Select(d => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_parsed_qr_gives_its_own_candidates()
    {
        var qr = CccdQr.Parse(CardSamples.Qr);
        Assert.Equal(new DateOnly(2030, 3, 15), qr.ExpiryCandidates()[0]);
    }
}
