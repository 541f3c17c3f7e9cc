using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace TiepCongDan.Srt.Interop;

/// <summary>Linux struct sockaddr_in (16 bytes): family in host order, port and address in network order.</summary>
[StructLayout(LayoutKind.Sequential, Size = 16)]
internal struct SockAddrIn
{
    private const ushort AfInet = 2;

    public ushort Family;
    public ushort PortNetworkOrder;
    public uint AddressNetworkOrder;
    private readonly ulong zero;

    public static SockAddrIn From(IPEndPoint endPoint)
    {
        if (endPoint.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"Only IPv4 endpoints are supported; got {endPoint}.", nameof(endPoint));
        }

        Span<byte> bytes = stackalloc byte[4];
        endPoint.Address.TryWriteBytes(bytes, out _);
        return new SockAddrIn
        {
            Family = AfInet,
            PortNetworkOrder = BinaryPrimitives.ReverseEndianness((ushort)endPoint.Port),
            AddressNetworkOrder = MemoryMarshal.Read<uint>(bytes),
        };
    }

    /// <summary>Reads a sockaddr that libsrt handed us; non-IPv4 peers come back as IPv6Any with the port.</summary>
    public static unsafe IPEndPoint Read(nint sockaddr)
    {
        if (sockaddr == 0)
        {
            return new IPEndPoint(IPAddress.Any, 0);
        }

        var family = *(ushort*)sockaddr;
        var port = BinaryPrimitives.ReverseEndianness(*(ushort*)(sockaddr + 2));
        if (family == AfInet)
        {
            return new IPEndPoint(new IPAddress(new ReadOnlySpan<byte>((void*)(sockaddr + 4), 4)), port);
        }

        // sockaddr_in6: family, port, flowinfo (4), address (16).
        return new IPEndPoint(new IPAddress(new ReadOnlySpan<byte>((void*)(sockaddr + 8), 16)), port);
    }
}
