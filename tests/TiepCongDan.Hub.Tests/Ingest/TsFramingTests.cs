using TiepCongDan.Hub.Ingest;

namespace TiepCongDan.Hub.Tests.Ingest;

public sealed class TsFramingTests
{
    [Fact]
    public void Slots_without_a_sync_byte_and_a_torn_tail_are_dropped_and_counted()
    {
        var message = new byte[(188 * 4) + 50];
        for (var i = 0; i < 4; i++)
        {
            message.AsSpan(i * 188, 188).Fill((byte)(i + 1));
            message[i * 188] = 0x47;
        }

        message[188 * 2] = 0x00;
        message[188 * 4] = 0x47;
        var output = new byte[message.Length];

        var kept = TsFraming.KeepWholePackets(message, output, out var bad);

        Assert.Equal((3 * 188, 2), (kept, bad));
        Assert.Equal([1, 2, 4], new[] { output[1], output[189], output[377] });
    }
}
