using System.Globalization;

namespace TiepCongDan.CardSim.Cccd;

/// <summary>
/// A made-up citizen printed on a virtual CCCD: the chip's DG13 fields, the TD1 MRZ on the back and
/// the QR on the front are all derived from these values. ID numbers of the samples are obviously fake.
/// </summary>
public sealed record CccdPerson
{
    /// <summary>A woman born in 1990, with spouse, and her old ID number in DG13 field 16.</summary>
    public static readonly CccdPerson Tuyet = new()
    {
        IdNumber = "001190012345",
        OldIdNumber = "012345678",
        FullName = "Nguyễn Thị Ánh Tuyết",
        DateOfBirth = new DateOnly(1990, 3, 15),
        Sex = "Nữ",
        Ethnicity = "Kinh",
        Religion = "Không",
        PlaceOfOrigin = "Xã Đông Hưng, Huyện Đông Hưng, Tỉnh Thái Bình",
        PlaceOfResidence = "Số 12, ngõ 34 phố Hàng Bạc, Phường Hàng Bạc, Quận Hoàn Kiếm, Thành phố Hà Nội, tổ dân phố số 7, cạnh nhà văn hoá khu phố",
        IdentifyingMarks = "Nốt ruồi C:1cm dưới trước mắt trái",
        DateOfIssue = new DateOnly(2021, 4, 20),
        DateOfExpiry = new DateOnly(2030, 3, 15),
        FatherName = "Nguyễn Văn Đức",
        MotherName = "Trần Thị Thuý Hằng",
        SpouseName = "Lê Quang Vũ",
        Field16 = "012345678",
    };

    /// <summary>A man born in 1978 without spouse or old ID, from the south.</summary>
    public static readonly CccdPerson Hung = new()
    {
        IdNumber = "079078000999",
        OldIdNumber = string.Empty,
        FullName = "Trương Đình Hưng",
        DateOfBirth = new DateOnly(1978, 11, 2),
        Sex = "Nam",
        Ethnicity = "Hoa",
        Religion = "Phật giáo",
        PlaceOfOrigin = "Phường Chợ Quán, Quận 5, Thành phố Hồ Chí Minh",
        PlaceOfResidence = "Số 45/7 đường Trần Hưng Đạo, Phường 11, Quận 5, Thành phố Hồ Chí Minh",
        IdentifyingMarks = "Sẹo chấm C:2cm trên đuôi mày phải",
        DateOfIssue = new DateOnly(2022, 8, 10),
        DateOfExpiry = new DateOnly(2038, 11, 2),
        FatherName = "Trương Văn Lộc",
        MotherName = "Huỳnh Thị Mỹ",
    };

    /// <summary>12 digits.</summary>
    public required string IdNumber { get; init; }

    /// <summary>The old 9-digit CMND number, or empty.</summary>
    public string OldIdNumber { get; init; } = string.Empty;

    /// <summary>With Vietnamese diacritics, as printed.</summary>
    public required string FullName { get; init; }

    public required DateOnly DateOfBirth { get; init; }

    /// <summary>"Nam" or "Nữ".</summary>
    public required string Sex { get; init; }

    public string Nationality { get; init; } = "Việt Nam";

    public required string Ethnicity { get; init; }

    public required string Religion { get; init; }

    public required string PlaceOfOrigin { get; init; }

    public required string PlaceOfResidence { get; init; }

    public string IdentifyingMarks { get; init; } = string.Empty;

    public required DateOnly DateOfIssue { get; init; }

    public required DateOnly DateOfExpiry { get; init; }

    public required string FatherName { get; init; }

    public required string MotherName { get; init; }

    public string? SpouseName { get; init; }

    /// <summary>DG13 field 15, meaning uncertain on real cards; written as a PrintableString when set.</summary>
    public string? Field15 { get; init; }

    /// <summary>DG13 field 16, meaning uncertain on real cards (one public reader decodes it as the old ID number); written as a UTF8String when set.</summary>
    public string? Field16 { get; init; }

    /// <summary>PACE card access number: the last 6 digits of the ID.</summary>
    public string Can => IdNumber[^6..];

    /// <summary>The MRZ document number: the last 9 digits of the ID.</summary>
    public string DocumentNumber => IdNumber[^9..];

    /// <summary>Date of birth in the MRZ (YYMMDD).</summary>
    public string MrzDateOfBirth => DateOfBirth.ToString("yyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Date of expiry in the MRZ (YYMMDD).</summary>
    public string MrzDateOfExpiry => DateOfExpiry.ToString("yyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The BAC "MRZ information": document number, date of birth, date of expiry, each with its check digit.</summary>
    public string MrzInformation => string.Concat(
        DocumentNumber, MrzText.CheckDigit(DocumentNumber),
        MrzDateOfBirth, MrzText.CheckDigit(MrzDateOfBirth),
        MrzDateOfExpiry, MrzText.CheckDigit(MrzDateOfExpiry));

    /// <summary>The TD1 MRZ on the back: three lines of 30 joined by '\n', every check digit correct.</summary>
    public string Td1MrzText
    {
        get
        {
            Validate();
            var line1 = "IDVNM" + DocumentNumber + MrzText.CheckDigit(DocumentNumber) + MrzText.Field(IdNumber, 15);
            var line2Start = MrzDateOfBirth + MrzText.CheckDigit(MrzDateOfBirth) + MrzSex + MrzDateOfExpiry + MrzText.CheckDigit(MrzDateOfExpiry) + "VNM" + new string('<', 11);
            var composite = string.Concat(line1.AsSpan(5), line2Start.AsSpan(0, 7), line2Start.AsSpan(8, 7), line2Start.AsSpan(18, 11));
            var line2 = line2Start + MrzText.CheckDigit(composite);
            var line3 = MrzText.Field(MrzText.Name(FullName), 30);
            return line1 + "\n" + line2 + "\n" + line3;
        }
    }

    /// <summary>The front QR: <c>ID|oldID|name|DOB ddMMyyyy|sex|address|issue ddMMyyyy</c>.</summary>
    public string FrontQrText => string.Join(
        '|',
        IdNumber,
        OldIdNumber,
        FullName,
        DateOfBirth.ToString("ddMMyyyy", CultureInfo.InvariantCulture),
        Sex,
        PlaceOfResidence,
        DateOfIssue.ToString("ddMMyyyy", CultureInfo.InvariantCulture));

    private char MrzSex => Sex switch
    {
        "Nữ" => 'F',
        "Nam" => 'M',
        _ => '<',
    };

    /// <summary>Throws when a field could not be on a real card (so a test person's mistake shows at once).</summary>
    public void Validate()
    {
        if (IdNumber.Length != 12 || IdNumber.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException($"A CCCD ID number is 12 digits, not '{IdNumber}'.");
        }

        if (OldIdNumber.Length != 0 && (OldIdNumber.Length != 9 || OldIdNumber.AsSpan().ContainsAnyExceptInRange('0', '9')))
        {
            throw new ArgumentException("The old ID number is empty or 9 digits.");
        }

        if (string.IsNullOrWhiteSpace(FullName))
        {
            throw new ArgumentException("A person needs a full name.");
        }

        if (DateOfIssue < DateOfBirth || DateOfExpiry < DateOfIssue)
        {
            throw new ArgumentException("Dates must run birth, issue, expiry.");
        }
    }
}
