using System.Diagnostics;
using System.Net;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Srt;

namespace TiepCongDan.Benchmarks.Hub;

/// <summary>
/// A receiving end (a reception point for the hub, the output of srt-live-transmit for the
/// baseline): an SRT listener taking any number of connections, each on its own thread, noting in
/// the current <see cref="PacketLedger"/> when every frame-starting video packet arrives. The stream
/// is named by the session in the hub's stream id, or by the raw stream id (the relays').
/// </summary>
public sealed class LatencySink : IDisposable
{
    private readonly SrtListener _listener;
    private readonly int _videoPid;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Thread> _threads = [];
    private readonly Thread _acceptor;
    private long _bytes;
    private PacketLedger _ledger = new();

    public LatencySink(string path, int port, string passphrase, int videoPid)
    {
        Path = path;
        Port = port;
        Passphrase = passphrase;
        _videoPid = videoPid;
        _listener = SrtListener.Start(port, _ => SrtAcceptDecision.Accept(passphrase), latencyMs: 120, bindAddress: IPAddress.Loopback);
        _acceptor = new Thread(Accept) { IsBackground = true, Name = "sink-accept-" + path };
        _acceptor.Start();
    }

    public string Path { get; }

    public int Port { get; }

    public string Passphrase { get; }

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Where arrivals go from now on (one ledger per measured step).</summary>
    public PacketLedger Ledger
    {
        get => Volatile.Read(ref _ledger);
        set => Volatile.Write(ref _ledger, value);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        List<Thread> threads;
        lock (_threads)
        {
            threads = [.. _threads, _acceptor];
        }

        foreach (var thread in threads)
        {
            thread.Join(TimeSpan.FromSeconds(3));
        }

        _stop.Dispose();
    }

    private void Accept()
    {
        while (!_stop.IsCancellationRequested)
        {
            SrtConnection connection;
            try
            {
                connection = _listener.Accept(TimeSpan.FromMilliseconds(500));
            }
            catch (TimeoutException)
            {
                continue;
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            var stream = SrtStreamId.TryParse(connection.StreamId, out var id) ? id.Session : connection.StreamId;
            var thread = new Thread(() => Receive(connection, stream)) { IsBackground = true, Name = "sink-" + stream };
            lock (_threads)
            {
                _threads.Add(thread);
            }

            thread.Start();
        }
    }

    private void Receive(SrtConnection connection, string stream)
    {
        using (connection)
        {
            connection.SetReceiveTimeout(TimeSpan.FromMilliseconds(500));
            var buffer = new byte[1500];
            while (!_stop.IsCancellationRequested)
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
                catch (SrtException)
                {
                    return;
                }

                if (n == 0)
                {
                    return;
                }

                var now = Stopwatch.GetTimestamp();
                Interlocked.Add(ref _bytes, n);
                var ledger = Ledger;
                for (var o = 0; o + TsBytes.PacketSize <= n; o += TsBytes.PacketSize)
                {
                    var packet = buffer.AsSpan(o, TsBytes.PacketSize);
                    if (packet[0] == 0x47 && TsBytes.PayloadUnitStart(packet) && TsBytes.Pid(packet) == _videoPid)
                    {
                        ledger.Arrived(Path, stream, PacketLedger.KeyOf(packet), now);
                    }
                }
            }
        }
    }
}
