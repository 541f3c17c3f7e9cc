using TiepCongDan.Edge.Card.Parsing;
using TiepCongDan.Edge.Card.Qr;

namespace TiepCongDan.Edge.Tests.Card.Qr;

public sealed class EvdevKeyDecoderTests
{
    private const string AsciiQr = "001099012345|012345678|Nguyen Van An|01021960|Nam|So 1, thon Ban Pho, xa Ban Pho, huyen Bac Ha, Lao Cai|10082021||";

    [Fact]
    public void AsciiCodeTypedByTheScannerComesBackExactly()
    {
        var lines = Decode(WedgeKeystrokes.Type(AsciiQr));

        Assert.Equal([AsciiQr], lines);
    }

    [Fact]
    public void VietnameseLettersAreLostButTheChipKeyFieldsSurvive()
    {
        var typed = "001099012345||Nguyễn Thị Ánh Tuyết|15031988|Nữ|Hà Nội|20052021";
        var decoder = new EvdevKeyDecoder();

        var line = Assert.Single(Decode(WedgeKeystrokes.Type(typed), decoder));
        var qr = CccdQr.Parse(line);

        Assert.Equal("001099012345", qr.IdNumber);
        Assert.Equal(new DateOnly(1988, 3, 15), qr.DateOfBirth);
        Assert.Equal(new DateOnly(2021, 5, 20), qr.DateOfIssue);
        Assert.Equal("012345", qr.Can);
        Assert.DoesNotContain('ễ', line);
        Assert.Equal(7, decoder.UnknownKeys);
    }

    [Fact]
    public void TwoScansGiveTwoLinesAndCapsLockIsHonoured()
    {
        byte[] capsOn = [.. CapsLock()];
        var events = WedgeKeystrokes.Type("A1").Concat(capsOn).Concat(WedgeKeystrokes.Type("ab")).ToArray();

        Assert.Equal(["A1", "AB"], Decode(events));
    }

    [Fact]
    public void DiscardDropsAHalfTypedCode()
    {
        var decoder = new EvdevKeyDecoder();
        Assert.Empty(Decode(WedgeKeystrokes.Type("0010", enter: false), decoder));
        Assert.True(decoder.HasPartialLine);

        decoder.DiscardPartialLine();

        Assert.Equal(["99"], Decode(WedgeKeystrokes.Type("99"), decoder));
    }

    [Fact]
    public void RandomEventStreamsNeverThrowAndLinesStayBounded()
    {
        var random = new Random(5);
        var decoder = new EvdevKeyDecoder();
        var buffer = new byte[EvdevKeyDecoder.EventSize];
        var lines = 0;
        for (var i = 0; i < 200_000; i++)
        {
            random.NextBytes(buffer);
            // Mostly key events with press, release or repeat values, so the decoder's paths all run.
            buffer[16] = (byte)random.Next(0, 3);
            buffer[17] = 0;
            BitConverter.TryWriteBytes(buffer.AsSpan(18, 2), (ushort)random.Next(0, 128));
            BitConverter.TryWriteBytes(buffer.AsSpan(20, 4), random.Next(-1, 4));
            if (decoder.Feed(buffer) is { } line)
            {
                lines++;
                Assert.True(line.Length <= EvdevKeyDecoder.MaxLineLength);
            }
        }

        Assert.True(decoder.UnknownKeys > 0, "random key codes include unmapped ones");
        Assert.True(lines > 0, "random streams include Enter presses");
    }

    [Fact]
    public void ShortRecordIsRefused() =>
        Assert.Throws<ArgumentException>(() => new EvdevKeyDecoder().Feed(new byte[16]));

    private static IEnumerable<byte> CapsLock()
    {
        foreach (var value in new[] { 1, 0 })
        {
            var e = new byte[24];
            BitConverter.TryWriteBytes(e.AsSpan(16, 2), (ushort)1);
            BitConverter.TryWriteBytes(e.AsSpan(18, 2), (ushort)58);
            BitConverter.TryWriteBytes(e.AsSpan(20, 4), value);
            foreach (var b in e)
            {
                yield return b;
            }
        }
    }

    private static List<string> Decode(byte[] events, EvdevKeyDecoder? decoder = null)
    {
        decoder ??= new EvdevKeyDecoder();
        var lines = new List<string>();
        for (var i = 0; i < events.Length; i += EvdevKeyDecoder.EventSize)
        {
            if (decoder.Feed(events.AsSpan(i, EvdevKeyDecoder.EventSize)) is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
