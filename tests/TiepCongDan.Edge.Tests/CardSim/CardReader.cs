using TiepCongDan.CardSim.Cccd;
using TiepCongDan.Edge.Card.Icao;

namespace TiepCongDan.Edge.Tests.CardSim;

/// <summary>
/// The smallest reader the card tests need, made of the edge's own primitives: SELECT the eMRTD
/// application, BAC with <see cref="BacAuthenticator"/>, then protected SELECT and READ BINARY
/// through <see cref="SecureMessaging"/> in chunks of at most 0xDF bytes.
/// </summary>
internal sealed class CardReader
{
    public const int MaxChunk = 0xDF;

    private static readonly byte[] SelectApplication = [0x00, 0xA4, 0x04, 0x0C, 0x07, 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01];

    private CardReader(VirtualCardTransport transport, SecureMessaging session)
    {
        Transport = transport;
        Session = session;
    }

    public VirtualCardTransport Transport { get; }

    public SecureMessaging Session { get; }

    /// <summary>Selects the application and runs BAC with the MRZ fields of <paramref name="person"/>.</summary>
    public static CardReader Open(VirtualCccdCard card, CccdPerson person) =>
        Open(card, BacKeys.FromCccd(person.IdNumber, person.MrzDateOfBirth, person.MrzDateOfExpiry));

    public static CardReader Open(VirtualCccdCard card, BacKeys keys)
    {
        var transport = new VirtualCardTransport(card);
        Assert.Equal(StatusWords.Success, StatusWords.Of(transport.Transmit(SelectApplication)));
        var sessionKeys = new BacAuthenticator(transport).Authenticate(keys);
        return new CardReader(transport, new SecureMessaging(transport, sessionKeys));
    }

    /// <summary>Reads a whole file: its TLV header first, then the rest in chunks.</summary>
    public byte[] ReadFile(ushort fileId, int chunk = MaxChunk)
    {
        Expect9000(Session.Transmit([0x00, 0xA4, 0x02, 0x0C, 0x02, (byte)(fileId >> 8), (byte)fileId]));
        var head = Read(0, 4);
        var total = TotalLength(head);
        var content = new List<byte>(total);
        while (content.Count < total)
        {
            content.AddRange(Read(content.Count, Math.Min(chunk, total - content.Count)));
        }

        return [.. content];
    }

    public byte[] Read(int offset, int length)
    {
        var response = Session.Transmit([0x00, 0xB0, (byte)(offset >> 8), (byte)offset, (byte)length]);
        Expect9000(response);
        return response[..^2];
    }

    private static int TotalLength(byte[] head)
    {
        var tagLength = (head[0] & 0x1F) == 0x1F ? 2 : 1;
        int first = head[tagLength];
        if (first < 0x80)
        {
            return tagLength + 1 + first;
        }

        var count = first & 0x7F;
        var length = 0;
        for (var i = 0; i < count; i++)
        {
            length = (length << 8) | head[tagLength + 1 + i];
        }

        return tagLength + 1 + count + length;
    }

    private static void Expect9000(byte[] response) =>
        Assert.True(StatusWords.Of(response) == StatusWords.Success, $"The card answered {StatusWords.Of(response):X4}.");
}
