using System.Diagnostics;
using System.Security.Cryptography;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Srt;

namespace TiepCongDan.Benchmarks.Hub;

/// <summary>
/// One simulated kiosk on its own thread: calls an SRT listener (the hub's ingest or a relay) and
/// sends the looped clip in real time, 1316-byte messages paced by the clip's PCR, each segment
/// opened by a <see cref="SegmentMarker"/> carrying the SHA-256 of the previous one exactly as the
/// kiosk's segmenter does, so the hub can confirm its live recording. Every frame-starting video
/// packet's send time goes to the ledger.
/// </summary>
public sealed class KioskSender : IDisposable
{
    private const int PacketsPerMessage = 7;
    private readonly TsClip _clip;
    private readonly SrtCallerOptions _caller;
    private readonly string _stream;
    private readonly string _sessionId;
    private readonly PacketLedger _ledger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private long _bytes;
    private long _segments;

    /// <param name="stream">The ledger's name for this stream (what the sink will call it).</param>
    /// <param name="sessionId">The session named in the segment markers.</param>
    public KioskSender(TsClip clip, SrtCallerOptions caller, string stream, string sessionId, PacketLedger ledger)
    {
        _clip = clip;
        _caller = caller;
        _stream = stream;
        _sessionId = sessionId;
        _ledger = ledger;
        _thread = new Thread(Run) { IsBackground = true, Name = "kiosk-" + stream };
    }

    public string Stream => _stream;

    public long BytesSent => Interlocked.Read(ref _bytes);

    public long SegmentsSent => Interlocked.Read(ref _segments);

    /// <summary>Why the sender stopped early (refused, send failed), or null.</summary>
    public string? Failure { get; private set; }

    /// <summary>The largest lag behind the clip's schedule (ms): a starved sender shows here, not as the hub's latency.</summary>
    public double MaxLagMs { get; private set; }

    public void Start() => _thread.Start();

    public void Stop()
    {
        _stop.Cancel();
        _thread.Join(TimeSpan.FromSeconds(10));
    }

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
    }

    private void Run()
    {
        SrtConnection? connection = null;
        try
        {
            connection = ConnectWithRetry();
            SendLoop(connection);
        }
        catch (Exception ex) when (ex is SrtException or TimeoutException)
        {
            Failure = ex.Message;
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private SrtConnection ConnectWithRetry()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return SrtConnection.Connect(_caller);
            }
            catch (SrtConnectException) when (clock.Elapsed < TimeSpan.FromSeconds(10) && !_stop.IsCancellationRequested)
            {
                Thread.Sleep(200);
            }
        }
    }

    private void SendLoop(SrtConnection connection)
    {
        var start = Stopwatch.GetTimestamp();
        var previous = new byte[32];
        var sequence = 0;
        var keys = new List<ulong>(4);
        for (var loop = 0L; !_stop.IsCancellationRequested; loop++)
        {
            var shift = loop * _clip.LoopTicks;
            foreach (var clipSegment in _clip.Segments)
            {
                var bytes = Build(clipSegment, shift, sequence, previous);
                previous = SHA256.HashData(bytes);
                sequence++;
                Interlocked.Increment(ref _segments);
                // The marker, PAT and PMT in front are due with the keyframe that follows them.
                var packets = bytes.Length / TsBytes.PacketSize;
                for (var first = 0; first < packets && !_stop.IsCancellationRequested; first += PacketsPerMessage)
                {
                    var last = Math.Min(first + PacketsPerMessage, packets) - 1;
                    var dueTicks = shift + clipSegment.PacketTicks[Math.Max(0, last - 3)];
                    WaitUntil(start, dueTicks);
                    var message = bytes.AsSpan(first * TsBytes.PacketSize, (last - first + 1) * TsBytes.PacketSize);
                    keys.Clear();
                    for (var o = 0; o < message.Length; o += TsBytes.PacketSize)
                    {
                        var packet = message.Slice(o, TsBytes.PacketSize);
                        if (TsBytes.PayloadUnitStart(packet) && TsBytes.Pid(packet) == _clip.VideoPid)
                        {
                            keys.Add(PacketLedger.KeyOf(packet));
                        }
                    }

                    var now = Stopwatch.GetTimestamp();
                    foreach (var key in keys)
                    {
                        _ledger.Sent(_stream, key, now);
                    }

                    connection.Send(message);
                    Interlocked.Add(ref _bytes, message.Length);
                }

                if (_stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private byte[] Build(ClipSegment clipSegment, long shift, int sequence, byte[] previous)
    {
        var marker = new SegmentMarker(_sessionId, sequence, (clipSegment.StartPts + shift) & TsBytes.PtsMask, previous).ToTsPacket(sequence);
        var bytes = new byte[(3 * TsBytes.PacketSize) + clipSegment.Packets.Length];
        marker.CopyTo(bytes, 0);
        _clip.Pat.CopyTo(bytes, TsBytes.PacketSize);
        _clip.Pmt.CopyTo(bytes, 2 * TsBytes.PacketSize);
        clipSegment.Packets.CopyTo(bytes, 3 * TsBytes.PacketSize);
        for (var o = 3 * TsBytes.PacketSize; o < bytes.Length; o += TsBytes.PacketSize)
        {
            TsBytes.Shift(bytes.AsSpan(o, TsBytes.PacketSize), shift);
        }

        return bytes;
    }

    private void WaitUntil(long start, long dueTicks)
    {
        var due = TimeSpan.FromMilliseconds(dueTicks / 90.0);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var ahead = due - elapsed;
        if (ahead >= TimeSpan.FromMilliseconds(1))
        {
            _stop.Token.WaitHandle.WaitOne(ahead);
        }
        else if (-ahead.TotalMilliseconds > MaxLagMs)
        {
            MaxLagMs = -ahead.TotalMilliseconds;
        }
    }
}
