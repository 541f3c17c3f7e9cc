using TiepCongDan.Edge.Card.Authenticity;
using TiepCongDan.Edge.Card.Identity;
using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Edge.Reception.Ports;

namespace TiepCongDan.Edge.Tests.Reception;

/// <summary>A chip reader that answers what the test scripted: a citizen, or a failure.</summary>
internal sealed class ScriptedCardReader : ICitizenCardReader
{
    public const string IdNumber = "001234567864";

    public const string FullName = "Nguyễn Thị Hồng Nhung";

    /// <summary>The front QR of the same citizen (CccdQr's format).</summary>
    public const string Qr = "001234567864|123456789|Nguyễn Thị Hồng Nhung|15031990|Nữ|Số 12 ngõ 34 phố Hàng Bạc, Hàng Bạc, Hoàn Kiếm, Hà Nội|20042021";

    private int _reads;

    public Exception? Failure { get; set; }

    public int Reads => Volatile.Read(ref _reads);

    public Task<CitizenIdentity> ReadAsync(CardAccessKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        Interlocked.Increment(ref _reads);
        if (Failure is { } failure)
        {
            throw failure;
        }

        return Task.FromResult(new CitizenIdentity
        {
            IdNumber = IdNumber,
            FullName = FullName,
            DateOfBirth = new DateOnly(1990, 3, 15),
            Sex = "Nữ",
            Nationality = "Việt Nam",
            Ethnicity = "Kinh",
            Religion = "Không",
            PlaceOfOrigin = "Hà Nội",
            PlaceOfResidence = "Số 12 ngõ 34 phố Hàng Bạc, Hàng Bạc, Hoàn Kiếm, Hà Nội",
            DateOfIssue = new DateOnly(2021, 4, 20),
            DateOfExpiry = new DateOnly(2030, 3, 15),
            DateOfExpiryText = "300315",
            Authenticity = new CardAuthenticity(PassiveAuthenticationResult.Valid("test"), ActiveAuthenticationResult.NotPresent),
            AccessProtocol = AccessProtocol.Pace,
            ReadDuration = TimeSpan.FromMilliseconds(800),
        });
    }
}
