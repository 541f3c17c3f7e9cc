using System.Security.Cryptography.X509Certificates;
using TiepCongDan.CardSim.Cccd;
using TiepCongDan.CardSim.Cccd.Pace;
using TiepCongDan.CardSim.Pki;
using TiepCongDan.Edge.Card.Authenticity;
using TiepCongDan.Edge.Card.Identity;
using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Edge.Card.Service;
using TiepCongDan.Edge.Tests.Card.Reading;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Card.Service;

/// <summary>Reads through real pcscd and the vpcd virtual reader: a whole read, and a card pulled out in the middle of one.</summary>
public sealed class PcscChipSession_Tests
{
    private static readonly TimeSpan ApduTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_full_read_over_pcsc_ends_in_the_exact_record_and_valid()
    {
        using var reader = new VirtualCardOnReader(new VirtualCccdCardOptions { Pace = new CardPaceResponder(CccdPerson.Tuyet.Can) });
        await reader.InsertAsync();
        using var trust = TrustStore();

        using var identity = await Task.Run(() => PcscChipSession.Read(
            reader.ReaderName, CardAccessKey.FromQr(CccdPerson.Tuyet.FrontQrText), new ChipReadSettings(), trust, ApduTimeout, TimeProvider.System, new RecordingLogger()));

        ChipReadHarness.AssertIsPerson(CccdPerson.Tuyet, identity);
        Assert.Equal(AccessProtocol.Pace, identity.AccessProtocol);
        Assert.Equal(CardAuthenticityStatus.Valid, identity.Authenticity.Status);
        Assert.False(reader.Card.Log.AnyProtectedFileReadWithoutAccessControl);
    }

    [Fact]
    public async Task A_card_pulled_out_mid_read_is_a_clean_card_removed_error_and_a_retry_after_reinsertion_succeeds()
    {
        using var reader = new VirtualCardOnReader(new VirtualCccdCardOptions());
        await reader.InsertAsync();
        using var trust = TrustStore();
        var key = ChipReadHarness.Mrz(CccdPerson.Tuyet);

        // Past BAC (select, challenge, authenticate), inside the file reads.
        reader.Client.PullAfterCommands(12);
        var error = await Assert.ThrowsAsync<CardRemovedException>(() => Task.Run(() => PcscChipSession.Read(
            reader.ReaderName, key, new ChipReadSettings(), trust, ApduTimeout, TimeProvider.System, new RecordingLogger())));
        Assert.Equal(CardReadFailure.CardRemoved, error.Failure);
        Assert.Equal("Thẻ đã bị rút ra khi đang đọc, hãy đặt lại thẻ", error.StaffMessage);

        reader.Client.Remove();
        await reader.InsertAsync();
        using var identity = await Task.Run(() => PcscChipSession.Read(
            reader.ReaderName, key, new ChipReadSettings(), trust, ApduTimeout, TimeProvider.System, new RecordingLogger()));
        ChipReadHarness.AssertIsPerson(CccdPerson.Tuyet, identity);
        Assert.Equal(CardAuthenticityStatus.Valid, identity.Authenticity.Status);
    }

    [Fact]
    public async Task Waiting_for_a_card_on_an_empty_reader_ends_in_no_card()
    {
        using var reader = new VirtualCardOnReader(new VirtualCccdCardOptions());

        var error = await Assert.ThrowsAsync<CardReadException>(() =>
            PcscCardWait.ForCardAsync(reader.ReaderName, TimeSpan.FromSeconds(2), TimeProvider.System, CancellationToken.None));

        Assert.Equal(CardReadFailure.NoCard, error.Failure);
        Assert.Equal(CardReadMessages.NoCard, error.StaffMessage);
    }

    [Fact]
    public async Task Waiting_on_a_reader_that_does_not_exist_ends_in_no_reader()
    {
        // libpcsclite reads the socket variable once: the shared daemon must set it before the first call.
        _ = TiepCongDan.CardSim.Vpcd.PcscdDaemon.Shared;
        var error = await Assert.ThrowsAsync<CardReadException>(() =>
            PcscCardWait.ForCardAsync("no such reader", TimeSpan.FromSeconds(2), TimeProvider.System, CancellationToken.None));

        Assert.Equal(CardReadFailure.NoReader, error.Failure);
    }

    private static CscaTrustStore TrustStore() => new([X509CertificateLoader.LoadCertificate(TestCardPki.Shared.Csca.RawData)]);
}
