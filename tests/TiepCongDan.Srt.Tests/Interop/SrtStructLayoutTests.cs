using System.Runtime.CompilerServices;
using TiepCongDan.Srt.Interop;

namespace TiepCongDan.Srt.Tests.Interop;

public sealed class SrtStructLayoutTests
{
    // Sizes taken from /usr/include/srt/srt.h with gcc (sizeof(SRT_TRACEBSTATS), sizeof(SRT_MSGCTRL)) on 64-bit Linux.
    [Fact]
    public void Structs_match_the_header_sizes()
    {
        Assert.Equal(496, Unsafe.SizeOf<SrtPerfMon>());
        Assert.Equal(48, Unsafe.SizeOf<SrtMsgCtrl>());
        Assert.Equal(16, Unsafe.SizeOf<SockAddrIn>());
    }

    [Fact]
    public void Rtt_and_send_buffer_sit_at_the_header_offsets()
    {
        Assert.Equal(328, (int)System.Runtime.InteropServices.Marshal.OffsetOf<SrtPerfMon>(nameof(SrtPerfMon.MsRtt)));
        Assert.Equal(336, (int)System.Runtime.InteropServices.Marshal.OffsetOf<SrtPerfMon>(nameof(SrtPerfMon.MbpsBandwidth)));
        Assert.Equal(372, (int)System.Runtime.InteropServices.Marshal.OffsetOf<SrtPerfMon>(nameof(SrtPerfMon.MsSndBuf)));
        Assert.Equal(488, (int)System.Runtime.InteropServices.Marshal.OffsetOf<SrtPerfMon>(nameof(SrtPerfMon.ByteRecvUnique)));
    }
}
