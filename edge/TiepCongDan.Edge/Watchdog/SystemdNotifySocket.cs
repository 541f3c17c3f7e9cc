using System.Net.Sockets;
using System.Text;

namespace TiepCongDan.Edge.Watchdog;

/// <summary>
/// Sends sd_notify messages ("WATCHDOG=1") to systemd's $NOTIFY_SOCKET: a unix datagram socket,
/// either a path or an abstract name written with a leading '@'.
/// </summary>
public sealed class SystemdNotifySocket(string address) : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly UnixDomainSocketEndPoint _endPoint = new(address.StartsWith('@') ? "\0" + address[1..] : address);

    public void Send(string state) => _socket.SendTo(Encoding.UTF8.GetBytes(state), _endPoint);

    public void Dispose() => _socket.Dispose();
}
