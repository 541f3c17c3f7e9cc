using System.Net;
using System.Net.Sockets;

namespace TiepCongDan.Edge.Tests.Infrastructure;

/// <summary>
/// Forwards TCP between the node and the broker. <see cref="CutAll"/> drops the connections
/// without an MQTT DISCONNECT, as a lost 4G link does, so the broker publishes the node's Will.
/// </summary>
internal sealed class TcpRelay : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly List<TcpClient> _connections = [];
    private readonly CancellationTokenSource _stop = new();

    public TcpRelay(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void CutAll()
    {
        lock (_connections)
        {
            foreach (var c in _connections)
            {
                try
                {
                    c.Client?.LingerState = new LingerOption(true, 0); // RST, not FIN
                }
                catch (Exception)
                {
                    // already closed
                }

                c.Dispose();
            }

            _connections.Clear();
        }
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
                var outbound = new TcpClient();
                await outbound.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                lock (_connections)
                {
                    _connections.Add(inbound);
                    _connections.Add(outbound);
                }

                _ = PumpAsync(inbound, outbound);
                _ = PumpAsync(outbound, inbound);
            }
        }
        catch (Exception)
        {
            // stopped
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception)
        {
            // one side closed
        }

        from.Dispose();
        to.Dispose();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        CutAll();
        _stop.Dispose();
    }
}
