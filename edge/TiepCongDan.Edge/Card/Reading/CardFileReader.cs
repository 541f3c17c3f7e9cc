using System.Globalization;
using TiepCongDan.Edge.Card.Icao;

namespace TiepCongDan.Edge.Card.Reading;

/// <summary>
/// SELECT by file id and READ BINARY in chunks of at most <see cref="MaxChunk"/> bytes: the TLV
/// header first to learn the file's length, then the rest. Readers without extended length
/// (ACR122U class) fail on longer reads, and a 0xDF-byte plain chunk still fits a short protected
/// response. Works over the plain transport (EF.CardAccess) or secure messaging (everything else).
/// </summary>
internal static class CardFileReader
{
    public const int MaxChunk = 0xDF;
    private const int HeaderProbe = 8;
    private const ushort EndOfFileWarning = 0x6282;
    private const ushort FileNotFound = 0x6A82;
    private const ushort SessionAborted = 0x6988;

    /// <summary>SELECT MF; cards that answer 6D00 (or anything else) are fine: the EFs are selected by id anyway.</summary>
    public static void SelectMasterFile(IApduTransport transport) =>
        transport.Transmit([0x00, 0xA4, 0x00, 0x0C, 0x02, 0x3F, 0x00]);

    public static void SelectApplication(IApduTransport transport)
    {
        byte[] command = [0x00, 0xA4, 0x04, 0x0C, (byte)LdsFile.Lds1Aid.Length, .. LdsFile.Lds1Aid];
        var sw = StatusWords.Of(transport.Transmit(command));
        if (sw == SessionAborted)
        {
            // A secure messaging session was still open (a broken read before this one): the plain command ended it, so ask again.
            sw = StatusWords.Of(transport.Transmit(command));
        }

        if (sw != StatusWords.Success)
        {
            throw new CardAccessException(CardAccessFailure.UnexpectedResponse, "SELECT of the eMRTD application (A0000002471001) failed: this is not an ICAO chip.", sw);
        }
    }

    /// <summary>True when the file was selected; false only for 6A82 (not found), which the caller decides on.</summary>
    public static bool TrySelect(IApduTransport transport, LdsFile file)
    {
        var sw = StatusWords.Of(transport.Transmit([0x00, 0xA4, 0x02, 0x0C, 0x02, (byte)(file.FileId >> 8), (byte)file.FileId]));
        if (sw == FileNotFound)
        {
            return false;
        }

        if (sw != StatusWords.Success)
        {
            throw new CardAccessException(CardAccessFailure.UnexpectedResponse, $"SELECT {file.Name} failed.", sw);
        }

        return true;
    }

    public static byte[] Read(IApduTransport transport, LdsFile file, int chunkSize)
    {
        if (!TrySelect(transport, file))
        {
            throw new CardAccessException(CardAccessFailure.UnexpectedResponse, $"The card has no {file.Name}.", FileNotFound);
        }

        return ReadSelected(transport, file, chunkSize);
    }

    public static byte[] ReadSelected(IApduTransport transport, LdsFile file, int chunkSize)
    {
        if (chunkSize is < 1 or > MaxChunk)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, "READ BINARY chunks are 1 to 0xDF bytes.");
        }

        var header = ReadBinary(transport, file, 0, Math.Min(HeaderProbe, chunkSize));
        var total = TotalLength(header, file);
        var content = new byte[total];
        var have = Math.Min(header.Length, total);
        header.AsSpan(0, have).CopyTo(content);
        while (have < total)
        {
            var part = ReadBinary(transport, file, have, Math.Min(chunkSize, total - have));
            if (part.Length == 0)
            {
                throw new CardAccessException(CardAccessFailure.UnexpectedResponse, $"{file.Name} ended at {have} of {total} bytes.");
            }

            var take = Math.Min(part.Length, total - have);
            part.AsSpan(0, take).CopyTo(content.AsSpan(have));
            have += take;
        }

        return content;
    }

    private static byte[] ReadBinary(IApduTransport transport, LdsFile file, int offset, int length)
    {
        if (offset > 0x7FFF)
        {
            throw new CardAccessException(CardAccessFailure.UnexpectedResponse, $"{file.Name} is longer than READ BINARY with an offset can reach (32 KiB).");
        }

        var response = transport.Transmit([0x00, 0xB0, (byte)(offset >> 8), (byte)offset, (byte)length]);
        var sw = StatusWords.Of(response);
        if ((sw >> 8) == 0x6C)
        {
            // Wrong Le: the card says how many bytes it has left.
            response = transport.Transmit([0x00, 0xB0, (byte)(offset >> 8), (byte)offset, (byte)sw]);
            sw = StatusWords.Of(response);
        }

        if (sw != StatusWords.Success && sw != EndOfFileWarning)
        {
            throw new CardAccessException(CardAccessFailure.UnexpectedResponse,
                string.Create(CultureInfo.InvariantCulture, $"READ BINARY of {file.Name} at offset {offset} failed."), sw);
        }

        return response[..^2];
    }

    /// <summary>Tag, length and value size from the first bytes of a TLV-wrapped file.</summary>
    private static int TotalLength(ReadOnlySpan<byte> header, LdsFile file)
    {
        var pos = 0;
        if (header.Length < 2)
        {
            throw Malformed(file);
        }

        if ((header[pos++] & 0x1F) == 0x1F)
        {
            while (pos < header.Length && (header[pos] & 0x80) != 0)
            {
                pos++;
            }

            pos++;
        }

        if (pos >= header.Length)
        {
            throw Malformed(file);
        }

        int first = header[pos++];
        if (first < 0x80)
        {
            return pos + first;
        }

        var count = first & 0x7F;
        if (count is 0 or > 3 || pos + count > header.Length)
        {
            throw Malformed(file);
        }

        var length = 0;
        for (var i = 0; i < count; i++)
        {
            length = (length << 8) | header[pos++];
        }

        return pos + length;
    }

    private static CardAccessException Malformed(LdsFile file) =>
        new(CardAccessFailure.UnexpectedResponse, $"{file.Name} does not start with a TLV header.");
}
