using System.Security.Cryptography;
using TiepCongDan.CardSim.Cccd;
using TiepCongDan.Edge.Card.Icao;
using TiepCongDan.Edge.Tests.Card.Icao.Pace;

namespace TiepCongDan.Edge.Tests.CardSim;

public sealed class VirtualCccdCard_Pace_Tests
{
    private static readonly byte[] MseSetAt = [0x00, 0x22, 0xC1, 0xA4, 0x0F, 0x80, 0x0A, 0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x04, 0x02, 0x04, 0x83, 0x01, 0x02];
    private static readonly byte[] GeneralAuthenticate = [0x10, 0x86, 0x00, 0x00, 0x02, 0x7C, 0x00, 0x00];
    private static readonly byte[] ForgedProtectedSelect = [0x0C, 0xA4, 0x04, 0x0C, 0x0A, 0x8E, 0x08, 1, 2, 3, 4, 5, 6, 7, 8];
    private static readonly byte[] SelectApplication = [0x00, 0xA4, 0x04, 0x0C, 0x07, 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01];

    [Fact]
    public void After_PACE_establishes_AES_keys_every_command_runs_under_AES_secure_messaging()
    {
        var keys = new CardSessionKeys(RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(16), new byte[16], Aes: true);
        var pace = new StubPaceResponder(keys);
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { Pace = pace, RejectExtendedLength = true });
        var transport = new VirtualCardTransport(card);

        Assert.Equal([0x90, 0x00], transport.Transmit(MseSetAt));
        Assert.False(card.AccessControlCompleted);
        transport.Transmit(GeneralAuthenticate);
        Assert.True(card.AccessControlCompleted);

        var sm = new AesSecureMessagingClient(transport, keys.EncryptionKey, keys.MacKey, keys.SendSequenceCounter);
        Assert.Equal(StatusWords.Success, StatusWords.Of(sm.Transmit(SelectApplication)));
        Assert.Equal(StatusWords.Success, StatusWords.Of(sm.Transmit([0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x0D])));
        var content = new List<byte>();
        while (content.Count < card.Image.Dg13.Length)
        {
            var chunk = sm.Transmit([0x00, 0xB0, (byte)(content.Count >> 8), (byte)content.Count, (byte)Math.Min(0xDF, card.Image.Dg13.Length - content.Count)]);
            Assert.Equal(StatusWords.Success, StatusWords.Of(chunk));
            content.AddRange(chunk[..^2]);
        }

        Assert.Equal(card.Image.Dg13, content);
        Assert.False(card.Log.AnyProtectedFileReadWithoutAccessControl);
    }

    [Fact]
    public void Card_side_AES_secure_messaging_answers_the_public_Appendix_G_session_vector_byte_for_byte()
    {
        var keys = new CardSessionKeys(Convert.FromHexString(AppendixG.KsEnc), Convert.FromHexString(AppendixG.KsMac), new byte[16], Aes: true);
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { Pace = new StubPaceResponder(keys) });
        var transport = new VirtualCardTransport(card);
        transport.Transmit(MseSetAt);
        transport.Transmit(GeneralAuthenticate);

        var response = transport.Transmit(Convert.FromHexString(AppendixG.ProtectedSelectApplication));

        Assert.Equal(AppendixG.ProtectedSelectResponse, Convert.ToHexString(response));
        Assert.Equal(0xA4, card.Log.Entries[^1].Instruction);
        Assert.True(card.Log.Entries[^1].SecureMessaging);
    }

    [Fact]
    public void PACE_with_3DES_keys_serves_the_edge_secure_messaging()
    {
        var keys = new CardSessionKeys(RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(16), new byte[8], Aes: false);
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { Pace = new StubPaceResponder(keys) });
        var transport = new VirtualCardTransport(card);
        transport.Transmit(MseSetAt);
        transport.Transmit(GeneralAuthenticate);

        var sm = new SecureMessaging(transport, new SecureMessagingKeys(keys.EncryptionKey, keys.MacKey, keys.SendSequenceCounter));

        Assert.Equal(StatusWords.Success, StatusWords.Of(sm.Transmit(SelectApplication)));
        var response = sm.Transmit([0x00, 0xB0, 0x81, 0x00, 0x20]);
        Assert.Equal([.. card.Image.Dg1[..0x20], 0x90, 0x00], response);
    }

    [Fact]
    public void A_secure_messaging_error_ends_the_PACE_session_and_resets_the_responder()
    {
        var keys = new CardSessionKeys(RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(16), new byte[16], Aes: true);
        var pace = new StubPaceResponder(keys);
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { Pace = pace });
        var transport = new VirtualCardTransport(card);
        transport.Transmit(MseSetAt);
        transport.Transmit(GeneralAuthenticate);
        var resetsBefore = pace.ResetCount;

        Assert.Equal([0x69, 0x88], transport.Transmit(ForgedProtectedSelect));

        Assert.False(card.AccessControlCompleted);
        Assert.True(pace.ResetCount > resetsBefore);
        Assert.Null(pace.Established);

        // A fresh run establishes a fresh session.
        transport.Transmit(MseSetAt);
        transport.Transmit(GeneralAuthenticate);
        Assert.True(card.AccessControlCompleted);
    }

    [Fact]
    public void EF_CardAccess_is_the_responders_file_and_readable_before_access_control()
    {
        var keys = new CardSessionKeys(new byte[16], new byte[16], new byte[16], Aes: true);
        var pace = new StubPaceResponder(keys);
        var card = new VirtualCccdCard(new VirtualCccdCardOptions { Pace = pace });
        var transport = new VirtualCardTransport(card);

        var response = transport.Transmit([0x00, 0xB0, 0x9C, 0x00, 0x00]);

        Assert.Equal([.. pace.CardAccessFile, 0x90, 0x00], response);
        Assert.Same(pace.CardAccessFile, card.Image.CardAccess);
        Assert.Equal(["EF.CardAccess"], card.Log.FilesRead);
        Assert.False(card.Log.AnyProtectedFileReadWithoutAccessControl);
    }
}
