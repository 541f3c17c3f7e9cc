using TiepCongDan.CardSim.Vicc;
using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Edge.Card.Transport;

namespace TiepCongDan.Pcsc.Tests;

/// <summary>BAC and secure messaging by the edge's code through real pcscd and vpcd against vicc's independent ePass card.</summary>
public sealed class ViccBacTests
{
    [Fact]
    public void BacWithAppendixDsMrzSucceeds()
    {
        using var vicc = new ViccOnReader();
        var transport = vicc.Transport;

        Assert.Equal([0x90, 0x00], transport.Transmit(ViccOnReader.SelectEpassApplication));
        var keys = new BacAuthenticator(transport).Authenticate(BacKeys.FromMrzInformation("L898902C<369080619406236"));

        // The card proved it knows the key (MAC and both nonces checked inside); the session keys are 3DES.
        Assert.Equal(16, keys.EncryptionKey.Length);
        Assert.Equal(16, keys.MacKey.Length);
        Assert.Equal(8, keys.SendSequenceCounter.Length);
        Assert.False(keys.EncryptionKey.Span.SequenceEqual(keys.MacKey.Span));
    }

    [Fact]
    public void EfComIsReadThroughSecureMessagingAfterBac()
    {
        using var vicc = new ViccOnReader();
        var transport = vicc.Transport;
        Assert.Equal([0x90, 0x00], transport.Transmit(ViccOnReader.SelectEpassApplication));
        var keys = new BacAuthenticator(transport).Authenticate(BacKeys.FromMrzInformation("L898902C<369080619406236"));
        var secure = new SecureMessaging(transport, keys);

        // Every answer below passed the edge's MAC check with the BAC session keys: the card really ran BAC.
        Assert.Equal([0x90, 0x00], secure.Transmit([0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x1E]));
        var head = secure.Transmit([0x00, 0xB0, 0x00, 0x00, 0x04]);
        Assert.Equal([0x60, 0x14, 0x5F, 0x01, 0x90, 0x00], head);
        var rest = secure.Transmit([0x00, 0xB0, 0x00, 0x04, 0x12]);
        // EF.COM as vicc's generator writes it: LDS 0107, Unicode 040000, tags 61 (DG1) and 75 (DG2).
        Assert.Equal([0x04, .. "0107"u8, 0x5F, 0x36, 0x06, .. "040000"u8, 0x5C, 0x02, 0x61, 0x75, 0x90, 0x00], rest);
    }

    [Fact]
    public void AWrongMrzIsRefusedByTheCard()
    {
        using var vicc = new ViccOnReader();
        var transport = vicc.Transport;

        Assert.Equal([0x90, 0x00], transport.Transmit(ViccOnReader.SelectEpassApplication));
        var refused = Assert.Throws<CardAccessException>(() => new BacAuthenticator(transport).Authenticate(BacKeys.FromMrzInformation("L898902C<369080619406244")));
        // vicc checks the terminal's MAC with its own key and answers 6988 (secure messaging data
        // objects incorrect) where many chips answer 6300: the edge reads both as a wrong key.
        Assert.Equal((ushort)0x6988, refused.StatusWord);
        Assert.Equal(CardAccessFailure.WrongAccessKey, refused.Reason);
    }
}
