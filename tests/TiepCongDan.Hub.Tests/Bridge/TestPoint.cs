using System.Net;
using System.Net.Sockets;
using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Tests.Bridge;

/// <summary>
/// A caller-mode reception point: an SRT listener with its own passphrase that records every
/// packet the hub pushes, per connection. Can go away and come back on the same port.
/// </summary>
public sealed class TestPoint : IDisposable
{
    private readonly string _passphrase;
    private readonly Lock _gate = new();
    private readonly List<List<long>> _connections = [];
    private readonly List<string> _streamIds = [];
    private SrtListener? _listener;
    private CancellationTokenSource? _stop;
    private Task? _loop;
    private int _ended;

    public TestPoint(string passphrase)
    {
        _passphrase = passphrase;
        Port = FreeUdpPort();
    }

    public int Port { get; }

    public int Connections
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>Connections the hub (or the point) has closed.</summary>
    public int Ended => Volatile.Read(ref _ended);

    public IReadOnlyList<string> StreamIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _streamIds];
            }
        }
    }

    /// <summary>What the latest connection received so far.</summary>
    public List<long> Latest()
    {
        lock (_gate)
        {
            return _connections.Count == 0 ? [] : [.. _connections[^1]];
        }
    }

    public void Start()
    {
        _listener = SrtListener.Start(Port, _ => SrtAcceptDecision.Accept(_passphrase), 120, null, IPAddress.Loopback);
        _stop = new CancellationTokenSource();
        var listener = _listener;
        var token = _stop.Token;
        _loop = Task.Run(async () =>
        {
            var readers = new List<Task>();
            try
            {
                while (!token.IsCancellationRequested)
                {
                    var connection = await listener.AcceptAsync(token);
                    var seen = new List<long>();
                    lock (_gate)
                    {
                        _connections.Add(seen);
                        _streamIds.Add(connection.StreamId);
                    }

                    readers.Add(Task.Run(() => Read(connection, seen, token)));
                }
            }
            catch (OperationCanceledException)
            {
            }

            await Task.WhenAll(readers);
        });
    }

    /// <summary>The point goes away: its listener and connections close.</summary>
    public void Stop()
    {
        _stop?.Cancel();
        _listener?.Dispose();
        _ = _loop?.Wait(TimeSpan.FromSeconds(10));
        _stop?.Dispose();
        _stop = null;
        _listener = null;
    }

    public void Dispose() => Stop();

    private void Read(SrtConnection connection, List<long> seen, CancellationToken token)
    {
        using (connection)
        {
            connection.SetReceiveTimeout(TimeSpan.FromMilliseconds(200));
            var buffer = new byte[1500];
            var batch = new List<long>();
            while (!token.IsCancellationRequested)
            {
                int n;
                try
                {
                    n = connection.Receive(buffer);
                }
                catch (TimeoutException)
                {
                    continue;
                }

                if (n == 0)
                {
                    _ = Interlocked.Increment(ref _ended);
                    break;
                }

                batch.Clear();
                NumberedTs.Read(buffer.AsSpan(0, n), batch);
                lock (_gate)
                {
                    seen.AddRange(batch);
                }
            }
        }
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
