using TiepCongDan.Srt;

namespace TiepCongDan.Hub.Bridge;

/// <summary>
/// One official's point sending picture and voice into a session: a receive thread hands every
/// message to its <see cref="SessionReturn"/>. Ends when the point hangs up or the session ends.
/// </summary>
internal sealed class ReturnPublisher : IDisposable
{
    private readonly SrtConnection _connection;
    private readonly Action<ReturnPublisher, ReadOnlySpan<byte>> _onData;
    private readonly Action<ReturnPublisher> _onEnded;
    private readonly TimeProvider _time;
    private readonly Thread _thread;
    private long _bytesReceived;
    private double _kbps;
    private volatile bool _stopping;

    public ReturnPublisher(string pointId, SrtConnection connection, Action<ReturnPublisher, ReadOnlySpan<byte>> onData, Action<ReturnPublisher> onEnded, TimeProvider time)
    {
        PointId = pointId;
        _connection = connection;
        _onData = onData;
        _onEnded = onEnded;
        _time = time;
        _thread = new Thread(Run) { IsBackground = true, Name = $"return from {pointId}" };
    }

    public string PointId { get; }

    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    public double Kbps => Volatile.Read(ref _kbps);

    public void Start() => _thread.Start();

    public void Dispose()
    {
        _stopping = true;
        _connection.Dispose();
        if (Thread.CurrentThread != _thread)
        {
            _ = _thread.Join(TimeSpan.FromSeconds(5));
        }
    }

    private void Run()
    {
        var buffer = new byte[1500];
        var since = _time.GetTimestamp();
        long bytesAtSample = 0;
        _connection.SetReceiveTimeout(TimeSpan.FromSeconds(1));
        while (!_stopping)
        {
            int received;
            try
            {
                received = _connection.Receive(buffer);
            }
            catch (TimeoutException)
            {
                received = -1;
            }
            catch (Exception e) when (e is SrtException or ObjectDisposedException)
            {
                break;
            }

            if (received == 0)
            {
                break;
            }

            if (received > 0)
            {
                Interlocked.Add(ref _bytesReceived, received);
                _onData(this, buffer.AsSpan(0, received));
            }

            var elapsed = _time.GetElapsedTime(since);
            if (elapsed >= TimeSpan.FromSeconds(1))
            {
                var total = BytesReceived;
                Volatile.Write(ref _kbps, (total - bytesAtSample) * 8 / elapsed.TotalMilliseconds);
                bytesAtSample = total;
                since = _time.GetTimestamp();
            }
        }

        _connection.Dispose();
        if (!_stopping)
        {
            _onEnded(this);
        }
    }
}
