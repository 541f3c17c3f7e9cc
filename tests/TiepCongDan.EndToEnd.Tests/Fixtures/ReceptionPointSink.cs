using System.Collections.Concurrent;
using System.Net;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Srt;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// A reception point for the bridge tests: an SRT listener (our binding of Debian's libsrt) that
/// takes every session the hub pushes to it, each on its own connection, and appends what arrives
/// to one file per session (named by the session in the stream id). srt-live-transmit takes only one
/// caller at a time, which a province's point receiving several communes cannot live with.
/// </summary>
public sealed class ReceptionPointSink : IDisposable
{
    private readonly SrtListener _listener;
    private readonly string _directory;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private readonly List<Thread> _threads = [];
    private readonly Thread _acceptor;

    public ReceptionPointSink(string directory, string passphrase)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        Passphrase = passphrase;
        Port = FreePort.NextUdp();
        _listener = SrtListener.Start(Port, _ => SrtAcceptDecision.Accept(passphrase), latencyMs: 120, bindAddress: IPAddress.Loopback);
        _acceptor = new Thread(Accept) { IsBackground = true, Name = "point-accept" };
        _acceptor.Start();
    }

    public int Port { get; }

    public string Passphrase { get; }

    /// <summary>Sessions seen and bytes received for each.</summary>
    public IReadOnlyDictionary<string, long> Received => _bytes;

    public string FileFor(string sessionId) => Path.Combine(_directory, sessionId + ".ts");

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        foreach (var thread in _threads.Append(_acceptor))
        {
            thread.Join(TimeSpan.FromSeconds(5));
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

            var session = SrtStreamId.TryParse(connection.StreamId, out var id) ? id.Session : "unknown";
            var thread = new Thread(() => Receive(connection, session)) { IsBackground = true, Name = "point-" + session };
            lock (_threads)
            {
                _threads.Add(thread);
            }

            thread.Start();
        }
    }

    private void Receive(SrtConnection connection, string session)
    {
        using (connection)
        using (var file = new FileStream(FileFor(session), FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            connection.SetReceiveTimeout(TimeSpan.FromMilliseconds(500));
            var buffer = new byte[SrtConnection.MaxMessageBytes];
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

                file.Write(buffer, 0, n);
                file.Flush();
                _bytes.AddOrUpdate(session, n, (_, v) => v + n);
            }
        }
    }
}
