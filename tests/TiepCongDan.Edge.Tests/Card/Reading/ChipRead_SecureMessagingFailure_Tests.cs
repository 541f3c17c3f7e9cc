using TiepCongDan.CardSim.Cccd;
using TiepCongDan.CardSim.Cccd.Pace;
using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Edge.Card.Identity;
using TiepCongDan.Edge.Card.Reading;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Card.Reading;

/// <summary>A secure messaging failure ends the session: the reader runs access control again and the read still succeeds.</summary>
public sealed class ChipRead_SecureMessagingFailure_Tests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void One_response_with_a_broken_mac_mid_read_reruns_access_and_the_read_succeeds(bool pace)
    {
        var person = CccdPerson.Tuyet;
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { Person = person, Pace = pace ? new CardPaceResponder(person.Can) : null });
        var transport = new CorruptingTransport(new VirtualCardTransport(card), corruptResponse: 16);
        var logger = new RecordingLogger();
        var reader = new CccdChipReader(transport, new ChipReadSettings(), null, TimeProvider.System, logger, new PaceAccess());

        using var identity = reader.Read(pace ? CardAccessKey.FromCan(person.Can) : ChipReadHarness.Mrz(person));

        Assert.True(transport.Corrupted, "the test never reached the response it meant to corrupt");
        Assert.Equal(person.FullName, identity.FullName);
        Assert.Equal(pace ? AccessProtocol.Pace : AccessProtocol.Bac, identity.AccessProtocol);
        Assert.Contains(logger.Entries, e => e.EventId == 5104);
    }

    [Fact]
    public void Secure_messaging_failing_on_every_attempt_ends_in_a_card_error()
    {
        var card = new VirtualCccdCard(new VirtualCccdCardOptions());
        var transport = new CorruptingTransport(new VirtualCardTransport(card), corruptResponse: 8, every: true);
        var reader = new CccdChipReader(transport, new ChipReadSettings(), null, TimeProvider.System, new RecordingLogger(), null);

        var error = Assert.Throws<CardReadException>(() => reader.Read(ChipReadHarness.Mrz(CccdPerson.Tuyet)));

        Assert.Equal(CardReadFailure.CardError, error.Failure);
        Assert.Equal(CardReadMessages.CardError, error.StaffMessage);
    }

    /// <summary>Flips the last MAC byte of the n-th response (of every n-th with <paramref name="every"/>), as a noisy contactless link might.</summary>
    private sealed class CorruptingTransport(IApduTransport inner, int corruptResponse, bool every = false) : IApduTransport
    {
        private int _count;

        public bool Corrupted { get; private set; }

        public byte[] Transmit(ReadOnlySpan<byte> commandApdu)
        {
            var response = inner.Transmit(commandApdu);
            _count++;
            var hit = every ? _count % corruptResponse == 0 : _count == corruptResponse;
            if (hit && response.Length > 4)
            {
                response[^3] ^= 0x01;
                Corrupted = true;
            }

            return response;
        }
    }
}
