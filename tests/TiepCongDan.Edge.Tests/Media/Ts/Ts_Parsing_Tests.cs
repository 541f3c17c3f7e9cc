using TiepCongDan.Edge.Media.Ts;
using TiepCongDan.Edge.Tests.Media.Recording;

namespace TiepCongDan.Edge.Tests.Media.Ts;

/// <summary>The TS layer against real ffmpeg output.</summary>
public sealed class Ts_Parsing_Tests
{
    [Fact]
    public void Pat_and_pmt_name_the_h264_and_aac_pids_and_keyframes_carry_an_idr()
    {
        var stream = MediaTestTools.StandardStream;
        int pmtPid = -1;
        TsProgramInfo? program = null;
        var keyframes = 0;
        var idrs = 0;
        var idrWithoutRandomAccess = 0;
        var videoPts = new List<long>();
        for (var i = 0; i < stream.Length; i += 188)
        {
            var packet = stream.AsSpan(i, 188);
            var pid = TsPacket.Pid(packet);
            if (pid == 0)
            {
                pmtPid = PsiParser.ReadPmtPid(packet);
            }
            else if (pid == pmtPid)
            {
                program ??= PsiParser.ReadPmt(packet, pid);
            }
            else if (program is not null && pid == program.VideoPid && TsPacket.PayloadUnitStart(packet))
            {
                var payload = TsPacket.Payload(packet);
                Assert.True(PesHeader.TryReadTimestamps(payload, out var pts, out _));
                videoPts.Add(pts);
                keyframes += TsPacket.RandomAccess(packet) ? 1 : 0;
                var idr = H264Scanner.ContainsIdr(payload[PesHeader.DataOffset(payload)..]);
                idrs += idr ? 1 : 0;
                idrWithoutRandomAccess += idr && !TsPacket.RandomAccess(packet) ? 1 : 0;
            }
        }

        Assert.Equal(new TsProgramInfo(0x1000, 0x100, 0x101, TsAudioCodec.Aac), program);
        Assert.Equal(300, videoPts.Count);
        Assert.Equal(6, keyframes); // -g 50 at 25 fps over 12 s
        // x264's first IDR sits behind a long SEI, beyond the first packet: the flag is what counts.
        Assert.InRange(idrs, 5, 6);
        Assert.Equal(0, idrWithoutRandomAccess);
        Assert.Equal(3600, videoPts[1] - videoPts[0]);
        Assert.InRange(TsDurationProbe.DurationMs(stream), 11_900, 12_100);
    }

    [Fact]
    public void An_opus_track_is_found_through_its_registration_descriptor()
    {
        var stream = MediaTestTools.Encode(1, audioCodec: "libopus");
        TsProgramInfo? program = null;
        for (var i = 0; i < stream.Length && program is null; i += 188)
        {
            program = TsPacket.Pid(stream.AsSpan(i)) == 0x1000 ? PsiParser.ReadPmt(stream.AsSpan(i, 188), 0x1000) : null;
        }

        Assert.Equal(new TsProgramInfo(0x1000, 0x100, 0x101, TsAudioCodec.Opus), program);
    }

    [Fact]
    public void The_reader_resyncs_after_garbage_and_a_torn_packet_whatever_the_chunk_sizes()
    {
        var stream = MediaTestTools.StandardStream.AsSpan(0, 188 * 200).ToArray();
        var damaged = new List<byte>();
        damaged.AddRange(stream.AsSpan(0, 188 * 100).ToArray());
        damaged.AddRange(new byte[] { 0x47, 1, 2, 3, 0x47, 9, 9 }); // noise with false sync bytes
        damaged.AddRange(stream.AsSpan(188 * 100, 90).ToArray()); // a torn packet
        damaged.AddRange(stream.AsSpan(188 * 101).ToArray());
        var reader = new TsPacketReader();
        var received = new List<byte[]>();
        var data = damaged.ToArray();
        MediaTestTools.WriteInChunks(m => reader.Write(m.Span, p => received.Add(p.ToArray())), data, seed: 6);
        reader.Flush(p => received.Add(p.ToArray()));

        Assert.Equal(199, received.Count);
        for (var i = 0; i < 199; i++)
        {
            var source = i < 100 ? i : i + 1;
            Assert.True(received[i].AsSpan().SequenceEqual(stream.AsSpan(source * 188, 188)), $"packet {i} differs");
        }

        Assert.Equal(7 + 90, reader.SkippedBytes);
    }
}
