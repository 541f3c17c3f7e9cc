using System.Runtime.InteropServices;

namespace TiepCongDan.Srt.Interop;

/// <summary>SRT_MSGCTRL (48 bytes on 64-bit).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SrtMsgCtrl
{
    public int Flags;
    public int MsgTtl;
    public int InOrder;
    public int Boundary;
    public long SrcTime;
    public int PktSeq;
    public int MsgNo;
    public nint GroupData;
    public nuint GroupDataSize;

    public static SrtMsgCtrl Default => new() { MsgTtl = -1, Boundary = 0, PktSeq = -1, MsgNo = -1 };
}
