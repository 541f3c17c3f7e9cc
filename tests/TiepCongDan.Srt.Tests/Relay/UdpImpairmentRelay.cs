using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TiepCongDan.Srt.Tests.Relay;

/// <summary>
/// A user-space stand-in for tc netem (missing on this kernel): a UDP relay on 127.0.0.1 that
/// forwards what clients send to <c>target</c> and the target's replies to the last client, with
/// one-way delay per direction, jitter, random loss, duplication, reordering, a bandwidth cap on
/// the client → target direction (a serial link with a tail-drop queue, like a 4G uplink) and a
/// cut. Every setter is thread-safe and takes effect for the next packet. Deterministic for a seed
/// (up to the scheduler's timing). Self-contained on purpose: other test projects link this file.
/// </summary>
internal sealed class UdpImpairmentRelay : IDisposable
{
    private readonly object gate = new();
    private readonly Socket clientSide;
    private readonly Socket targetSide;
    private readonly Random random;
    private readonly PriorityQueue<Pending, (long Due, long Order)> queue = new();
    private readonly Thread clientReader;
    private readonly Thread targetReader;
    private readonly Thread scheduler;
    private EndPoint? lastClient;
    private long order;
    private long linkFreeAt;
    private bool stopped;

    private TimeSpan toTargetDelay;
    private TimeSpan toClientDelay;
    private TimeSpan jitter;
    private double lossPercent;
    private double duplicatePercent;
    private double reorderPercent;
    private int bandwidthKbps;
    private int queueLimitBytes = 100_000;
    private bool cut;

    public UdpImpairmentRelay(IPEndPoint target, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(target);
        random = new Random(seed);
        clientSide = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        clientSide.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        targetSide = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        targetSide.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        targetSide.Connect(target);
        foreach (var s in new[] { clientSide, targetSide })
        {
            s.ReceiveBufferSize = 4 * 1024 * 1024;
            s.SendBufferSize = 4 * 1024 * 1024;
        }

        clientReader = new Thread(ReadClients) { IsBackground = true, Name = "relay-client" };
        targetReader = new Thread(ReadTarget) { IsBackground = true, Name = "relay-target" };
        scheduler = new Thread(Schedule) { IsBackground = true, Name = "relay-scheduler" };
        clientReader.Start();
        targetReader.Start();
        scheduler.Start();
    }

    /// <summary>The port clients send to.</summary>
    public int Port => ((IPEndPoint)clientSide.LocalEndPoint!).Port;

    public TimeSpan ToTargetDelay { get => Read(() => toTargetDelay); set => Write(() => toTargetDelay = value); }

    public TimeSpan ToClientDelay { get => Read(() => toClientDelay); set => Write(() => toClientDelay = value); }

    /// <summary>Sets both one-way delays.</summary>
    public TimeSpan Delay { set => Write(() => toTargetDelay = toClientDelay = value); }

    /// <summary>Extra delay drawn uniformly from [0, Jitter] per packet (reorders packets closer than that).</summary>
    public TimeSpan Jitter { get => Read(() => jitter); set => Write(() => jitter = value); }

    /// <summary>Random loss in both directions, 0-100.</summary>
    public double LossPercent { get => Read(() => lossPercent); set => Write(() => lossPercent = value); }

    public double DuplicatePercent { get => Read(() => duplicatePercent); set => Write(() => duplicatePercent = value); }

    /// <summary>Share of packets held back 5 ms so later ones overtake them.</summary>
    public double ReorderPercent { get => Read(() => reorderPercent); set => Write(() => reorderPercent = value); }

    /// <summary>Capacity of the client → target direction in kbit/s; 0 = unlimited.</summary>
    public int BandwidthKbps { get => Read(() => bandwidthKbps); set => Write(() => bandwidthKbps = value); }

    /// <summary>Bytes the bottleneck queues before it drops arriving packets.</summary>
    public int QueueLimitBytes { get => Read(() => queueLimitBytes); set => Write(() => queueLimitBytes = value); }

    /// <summary>Drops everything in both directions while true.</summary>
    public bool Cut { get => Read(() => cut); set => Write(() => cut = value); }

    public long Forwarded { get; private set; }

    public long Lost { get; private set; }

    public long QueueDropped { get; private set; }

    public void Dispose()
    {
        lock (gate)
        {
            if (stopped)
            {
                return;
            }

            stopped = true;
            Monitor.PulseAll(gate);
        }

        clientSide.Dispose();
        targetSide.Dispose();
        clientReader.Join(2000);
        targetReader.Join(2000);
        scheduler.Join(2000);
    }

    private T Read<T>(Func<T> read)
    {
        lock (gate)
        {
            return read();
        }
    }

    private void Write(Action write)
    {
        lock (gate)
        {
            write();
        }
    }

    private void ReadClients()
    {
        var buffer = new byte[65536];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        while (true)
        {
            int n;
            try
            {
                n = clientSide.ReceiveFrom(buffer, ref from);
            }
            catch (SocketException) when (!IsStopped())
            {
                continue; // ICMP port unreachable from a vanished client; keep relaying.
            }
            catch (Exception)
            {
                return;
            }

            lock (gate)
            {
                lastClient = from;
            }

            Impair(buffer.AsSpan(0, n).ToArray(), toTarget: true);
        }
    }

    private void ReadTarget()
    {
        var buffer = new byte[65536];
        while (true)
        {
            int n;
            try
            {
                n = targetSide.Receive(buffer);
            }
            catch (SocketException) when (!IsStopped())
            {
                continue; // The target is down for a while (ICMP port unreachable).
            }
            catch (Exception)
            {
                return;
            }

            Impair(buffer.AsSpan(0, n).ToArray(), toTarget: false);
        }
    }

    private bool IsStopped() => Read(() => stopped);

    private void Impair(byte[] packet, bool toTarget)
    {
        lock (gate)
        {
            if (cut || random.NextDouble() * 100 < lossPercent)
            {
                Lost++;
                return;
            }

            var now = Stopwatch.GetTimestamp();
            var departs = now;
            if (toTarget && bandwidthKbps > 0)
            {
                var bytesPerTick = bandwidthKbps * 1000.0 / 8 / Stopwatch.Frequency;
                linkFreeAt = Math.Max(linkFreeAt, now);
                var backlogBytes = (linkFreeAt - now) * bytesPerTick;
                if (backlogBytes + packet.Length > queueLimitBytes)
                {
                    QueueDropped++;
                    return;
                }

                linkFreeAt += (long)(packet.Length / bytesPerTick);
                departs = linkFreeAt;
            }

            var delay = (toTarget ? toTargetDelay : toClientDelay) + (jitter * random.NextDouble());
            if (random.NextDouble() * 100 < reorderPercent)
            {
                delay += TimeSpan.FromMilliseconds(5);
            }

            var due = departs + (long)(delay.TotalSeconds * Stopwatch.Frequency);
            queue.Enqueue(new Pending(packet, toTarget), (due, order++));
            if (random.NextDouble() * 100 < duplicatePercent)
            {
                queue.Enqueue(new Pending(packet, toTarget), (due, order++));
            }

            Monitor.Pulse(gate);
        }
    }

    private void Schedule()
    {
        while (true)
        {
            Pending next;
            EndPoint? client;
            lock (gate)
            {
                while (true)
                {
                    if (stopped)
                    {
                        return;
                    }

                    if (queue.TryPeek(out _, out var priority))
                    {
                        var waitTicks = priority.Due - Stopwatch.GetTimestamp();
                        if (waitTicks <= 0)
                        {
                            break;
                        }

                        Monitor.Wait(gate, TimeSpan.FromSeconds(Math.Max((double)waitTicks / Stopwatch.Frequency, 0.0005)));
                    }
                    else
                    {
                        Monitor.Wait(gate);
                    }
                }

                next = queue.Dequeue();
                client = lastClient;
                Forwarded++;
            }

            try
            {
                if (next.ToTarget)
                {
                    targetSide.Send(next.Data);
                }
                else if (client is not null)
                {
                    clientSide.SendTo(next.Data, client);
                }
            }
            catch (SocketException)
            {
                // The far side is gone for now: the packet is lost, as on a real path.
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }

    private readonly record struct Pending(byte[] Data, bool ToTarget);
}
