using TiepCongDan.Edge.Card.Identity;
using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Edge.Simulation;

namespace TiepCongDan.Edge.Tests.Simulation;

/// <summary>The simulated reader opens a made-up card only with its own key, as a real CCCD chip does, and never calls it authentic.</summary>
public sealed class SimulatedCitizenCard_Tests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public async Task The_card_QR_opens_it_with_PACE_and_every_QR_field_comes_back()
    {
        var (reader, _) = With(SimulatedCitizens.An.Card);

        using var identity = await reader.ReadAsync(CardAccessKey.FromQr(SimulatedCitizens.An.Card.QrText), CancellationToken.None);

        Assert.Equal("001090012345", identity.IdNumber);
        Assert.Equal("Nguyễn Văn An", identity.FullName);
        Assert.Equal(new DateOnly(1990, 3, 14), identity.DateOfBirth);
        Assert.Equal("Nam", identity.Sex);
        Assert.Equal("Thôn Mô Phỏng, Xã Mô Phỏng, Tỉnh Mô Phỏng", identity.PlaceOfResidence);
        Assert.Equal(new DateOnly(2021, 6, 10), identity.DateOfIssue);
        Assert.Equal(new DateOnly(2030, 3, 14), identity.DateOfExpiry);
        Assert.Equal(AccessProtocol.Pace, identity.AccessProtocol);
        Assert.True(identity.FaceImage.IsEmpty);
        Assert.NotEqual(CardAuthenticityStatus.Valid, identity.Authenticity.Status);
        Assert.True(SimulatedCardAuthenticity.IsSimulated(identity));
        Assert.Equal(CardAuthenticityStatus.Simulated, SimulatedCardAuthenticity.StatusOf(identity));
        Assert.Equal("simulated", CardAuthenticityStatus.Simulated.ToWire());
    }

    [Fact]
    public async Task A_card_made_from_an_MRZ_opens_with_BAC_and_has_the_MRZ_name_and_the_made_up_residence()
    {
        const string mrz = "IDVNM0850543210001085054321<<<\n8501014M3501014VNM<<<<<<<<<<<2\nHOANG<<VAN<MINH<<<<<<<<<<<<<<<";
        var card = SimulatedCard.FromMrz(FixCheckDigits(mrz), Today);
        var (reader, _) = With(card);

        using var identity = await reader.ReadAsync(CardAccessKey.FromMrz(card.MrzText, Today), CancellationToken.None);

        Assert.Equal("001085054321", identity.IdNumber);
        Assert.Equal("HOANG VAN MINH", identity.FullName);
        Assert.Equal(new DateOnly(1985, 1, 1), identity.DateOfBirth);
        Assert.Equal(SimulatedCard.MadeUpResidence, identity.PlaceOfResidence);
        Assert.Equal(AccessProtocol.Bac, identity.AccessProtocol);
    }

    [Fact]
    public async Task Another_card_MRZ_is_refused_as_a_wrong_BAC_key_with_the_staff_sentence()
    {
        var (reader, _) = With(SimulatedCitizens.An.Card);

        var ex = await Assert.ThrowsAsync<CardReadException>(() => reader.ReadAsync(CardAccessKey.FromMrz(SimulatedCitizens.Dung.Card.MrzText, Today), CancellationToken.None));

        Assert.Equal(CardReadFailure.WrongKey, ex.Failure);
        Assert.Equal(CardReadMessages.WrongKeyMrz, ex.StaffMessage);
        Assert.Equal(CardReadMessages.WrongKeyReason(CardAccessKeySource.Mrz), ex.Message);
    }

    [Fact]
    public async Task A_wrong_CAN_is_refused_and_another_card_sharing_the_CAN_is_named_as_another_card()
    {
        var (reader, _) = With(SimulatedCitizens.An.Card);

        var wrong = await Assert.ThrowsAsync<CardReadException>(() => reader.ReadAsync(CardAccessKey.FromCan("999999"), CancellationToken.None));
        Assert.Equal((CardReadFailure.WrongKey, CardReadMessages.WrongKeyCan), (wrong.Failure, wrong.StaffMessage));

        // Same last six digits, another ID: the CAN opens the chip but the register must not file one citizen under another.
        var other = await Assert.ThrowsAsync<CardReadException>(() => reader.ReadAsync(CardAccessKey.FromCan("079158012345"), CancellationToken.None));
        Assert.Equal((CardReadFailure.WrongKey, CardReadMessages.KeyFromAnotherCard), (other.Failure, other.StaffMessage));
    }

    [Fact]
    public async Task No_card_on_the_reader_is_NoCard()
    {
        var reader = new SimulatedCitizenCard(new SimulatedCardSlot());

        var ex = await Assert.ThrowsAsync<CardReadException>(() => reader.ReadAsync(CardAccessKey.FromCan("012345"), CancellationToken.None));

        Assert.Equal((CardReadFailure.NoCard, CardReadMessages.NoCard), (ex.Failure, ex.StaffMessage));
    }

    [Fact]
    public async Task Every_built_in_citizen_opens_with_their_QR_MRZ_and_CAN_and_their_MRZ_gives_them_back()
    {
        foreach (var citizen in SimulatedCitizens.All)
        {
            var (reader, _) = With(citizen.Card);
            using (var byQr = await reader.ReadAsync(CardAccessKey.FromQr(citizen.Card.QrText), CancellationToken.None))
            {
                Assert.Equal(citizen.Card.FullName, byQr.FullName);
            }

            using (var byMrz = await reader.ReadAsync(CardAccessKey.FromMrz(citizen.Card.MrzText, Today), CancellationToken.None))
            {
                Assert.Equal(citizen.Card.IdNumber, byMrz.IdNumber);
            }

            using (var byCan = await reader.ReadAsync(CardAccessKey.FromCan(citizen.Card.Can), CancellationToken.None))
            {
                Assert.Equal(AccessProtocol.Pace, byCan.AccessProtocol);
            }

            Assert.Equal(citizen.Card, SimulatedCard.FromMrz(citizen.Card.MrzText, Today));
            Assert.Equal(citizen.Card with { PlaceOfOrigin = SimulatedCard.MadeUpResidence }, SimulatedCard.FromQr(citizen.Card.QrText));
            Assert.Equal(citizen, SimulatedCitizens.ByKey(citizen.Key.ToUpperInvariant()));
        }

        Assert.Null(SimulatedCitizens.Binh.Card.DateOfExpiry);
        Assert.Equal("Không thời hạn", SimulatedCitizens.Binh.Card.DateOfExpiryText);
    }

    [Fact]
    public async Task The_BAC_key_from_an_old_QR_expiry_guess_still_opens_a_card_made_from_that_QR()
    {
        // Bình was issued at 62: no expiry; the QR's BAC guesses include the MRZ's 991231.
        var card = SimulatedCard.FromQr(SimulatedCitizens.Binh.Card.QrText);
        var (reader, _) = With(card);
        var key = CardAccessKey.FromQr(SimulatedCitizens.Binh.Card.QrText);

        using var identity = await reader.ReadAsync(key, CancellationToken.None);

        Assert.Equal("079158004321", identity.IdNumber);
        Assert.Contains(key.BacCandidates, c => c.Keys.KeySeed.Span.SequenceEqual(card.BacKeys.KeySeed.Span));
    }

    private static (SimulatedCitizenCard Reader, SimulatedCardSlot Slot) With(SimulatedCard card)
    {
        var slot = new SimulatedCardSlot();
        slot.Insert(card);
        return (new SimulatedCitizenCard(slot), slot);
    }

    /// <summary>Recomputes the four TD1 check digits, so the test can write a readable MRZ.</summary>
    private static string FixCheckDigits(string mrz)
    {
        var lines = mrz.Split('\n').Select(l => l.ToCharArray()).ToArray();
        lines[0][14] = Edge.Card.Parsing.MrzCheckDigit.Compute(new string(lines[0], 5, 9));
        lines[1][6] = Edge.Card.Parsing.MrzCheckDigit.Compute(new string(lines[1], 0, 6));
        lines[1][14] = Edge.Card.Parsing.MrzCheckDigit.Compute(new string(lines[1], 8, 6));
        var composite = new string(lines[0], 5, 25) + new string(lines[1], 0, 7) + new string(lines[1], 8, 7) + new string(lines[1], 18, 11);
        lines[1][29] = Edge.Card.Parsing.MrzCheckDigit.Compute(composite);
        return string.Join('\n', lines.Select(l => new string(l)));
    }
}
