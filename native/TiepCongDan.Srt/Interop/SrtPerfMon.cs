using System.Runtime.InteropServices;

namespace TiepCongDan.Srt.Interop;

/// <summary>
/// struct CBytePerfMon of libsrt 1.5 field for field (496 bytes on x86-64 and arm64; the test
/// checks the size against what the header gives).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SrtPerfMon
{
    public long MsTimeStamp;
    public long PktSentTotal;
    public long PktRecvTotal;
    public int PktSndLossTotal;
    public int PktRcvLossTotal;
    public int PktRetransTotal;
    public int PktSentAckTotal;
    public int PktRecvAckTotal;
    public int PktSentNakTotal;
    public int PktRecvNakTotal;
    public long UsSndDurationTotal;
    public int PktSndDropTotal;
    public int PktRcvDropTotal;
    public int PktRcvUndecryptTotal;
    public ulong ByteSentTotal;
    public ulong ByteRecvTotal;
    public ulong ByteRcvLossTotal;
    public ulong ByteRetransTotal;
    public ulong ByteSndDropTotal;
    public ulong ByteRcvDropTotal;
    public ulong ByteRcvUndecryptTotal;

    public long PktSent;
    public long PktRecv;
    public int PktSndLoss;
    public int PktRcvLoss;
    public int PktRetrans;
    public int PktRcvRetrans;
    public int PktSentAck;
    public int PktRecvAck;
    public int PktSentNak;
    public int PktRecvNak;
    public double MbpsSendRate;
    public double MbpsRecvRate;
    public long UsSndDuration;
    public int PktReorderDistance;
    public double PktRcvAvgBelatedTime;
    public long PktRcvBelated;
    public int PktSndDrop;
    public int PktRcvDrop;
    public int PktRcvUndecrypt;
    public ulong ByteSent;
    public ulong ByteRecv;
    public ulong ByteRcvLoss;
    public ulong ByteRetrans;
    public ulong ByteSndDrop;
    public ulong ByteRcvDrop;
    public ulong ByteRcvUndecrypt;

    public double UsPktSndPeriod;
    public int PktFlowWindow;
    public int PktCongestionWindow;
    public int PktFlightSize;
    public double MsRtt;
    public double MbpsBandwidth;
    public int ByteAvailSndBuf;
    public int ByteAvailRcvBuf;
    public double MbpsMaxBw;
    public int ByteMss;
    public int PktSndBuf;
    public int ByteSndBuf;
    public int MsSndBuf;
    public int MsSndTsbPdDelay;
    public int PktRcvBuf;
    public int ByteRcvBuf;
    public int MsRcvBuf;
    public int MsRcvTsbPdDelay;
    public int PktSndFilterExtraTotal;
    public int PktRcvFilterExtraTotal;
    public int PktRcvFilterSupplyTotal;
    public int PktRcvFilterLossTotal;
    public int PktSndFilterExtra;
    public int PktRcvFilterExtra;
    public int PktRcvFilterSupply;
    public int PktRcvFilterLoss;
    public int PktReorderTolerance;

    public long PktSentUniqueTotal;
    public long PktRecvUniqueTotal;
    public ulong ByteSentUniqueTotal;
    public ulong ByteRecvUniqueTotal;
    public long PktSentUnique;
    public long PktRecvUnique;
    public ulong ByteSentUnique;
    public ulong ByteRecvUnique;
}
