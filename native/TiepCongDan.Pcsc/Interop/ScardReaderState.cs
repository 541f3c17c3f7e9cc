using System.Runtime.InteropServices;

namespace TiepCongDan.Pcsc.Interop;

/// <summary>
/// pcsc-lite's SCARD_READERSTATE on Linux: natural alignment (the header packs it only on Apple),
/// 80 bytes on 64-bit: two pointers, three 8-byte DWORDs at offsets 16/24/32, the ATR at 40, 7 bytes of padding.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ScardReaderState
{
    public const int MaxAtrSize = 33;

    public byte* Reader;
    public nint UserData;
    public nuint CurrentState;
    public nuint EventState;
    public nuint AtrLength;
    public fixed byte Atr[MaxAtrSize];
}
