using System.Runtime.InteropServices;

namespace TiepCongDan.Pcsc.Interop;

/// <summary>SCARD_IO_REQUEST: protocol and PCI length, both C unsigned long (16 bytes on 64-bit Linux).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ScardIoRequest
{
    public nuint Protocol;
    public nuint PciLength;
}
