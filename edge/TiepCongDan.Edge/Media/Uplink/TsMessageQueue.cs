using System.Buffers;
using TiepCongDan.Srt;

namespace TiepCongDan.Edge.Media.Uplink;

/// <summary>
/// Bounded FIFO between the recorder's thread and the sender loop. Enqueue never blocks: when the
/// queue holds more than its limit the oldest messages go (the live path may lose data; the local
/// recording does not). Thread-safe: any number of producers, one consumer.
/// </summary>
internal sealed class TsMessageQueue
{
    public const int TsPacketSize = 188;

    private readonly object gate = new();
    private readonly Queue<TsMessage> messages = new();
    private readonly int maxBytes;
    private long queuedBytes;
    private long outstandingBytes;
    private bool woken;

    public TsMessageQueue(int maxBytes) => this.maxBytes = maxBytes;

    public long QueuedBytes
    {
        get
        {
            lock (gate)
            {
                return queuedBytes;
            }
        }
    }

    /// <summary>Queued bytes plus the message the consumer is sending now (taken, not yet released).</summary>
    public long OutstandingBytes
    {
        get
        {
            lock (gate)
            {
                return outstandingBytes;
            }
        }
    }

    /// <summary>Splits into 1316-byte messages (the tail may be shorter) and returns how many bytes were dropped to stay under the limit.</summary>
    public long Enqueue(ReadOnlySpan<byte> tsPackets)
    {
        if (tsPackets.Length % TsPacketSize != 0)
        {
            throw new ArgumentException($"The uplink takes whole 188-byte TS packets; got {tsPackets.Length} bytes.", nameof(tsPackets));
        }

        long dropped = 0;
        lock (gate)
        {
            while (!tsPackets.IsEmpty)
            {
                var length = Math.Min(SrtConnection.MaxMessageBytes, tsPackets.Length);
                var buffer = ArrayPool<byte>.Shared.Rent(SrtConnection.MaxMessageBytes);
                tsPackets[..length].CopyTo(buffer);
                tsPackets = tsPackets[length..];
                messages.Enqueue(new TsMessage(buffer, length));
                queuedBytes += length;
                outstandingBytes += length;
            }

            while (queuedBytes > maxBytes && messages.TryDequeue(out var oldest))
            {
                queuedBytes -= oldest.Length;
                outstandingBytes -= oldest.Length;
                dropped += oldest.Length;
                ArrayPool<byte>.Shared.Return(oldest.Buffer);
            }

            Monitor.Pulse(gate);
        }

        return dropped;
    }

    /// <summary>Waits up to <paramref name="wait"/> for a message; false on timeout or <see cref="Wake"/>.</summary>
    public bool TryTake(TimeSpan wait, out TsMessage message)
    {
        lock (gate)
        {
            if (messages.Count == 0 && !woken && wait > TimeSpan.Zero)
            {
                Monitor.Wait(gate, wait);
            }

            woken = false;
            if (messages.TryDequeue(out message))
            {
                queuedBytes -= message.Length;
                return true;
            }

            return false;
        }
    }

    /// <summary>The consumer is done with a taken message (sent or failed): its buffer goes back to the pool.</summary>
    public void Release(TsMessage message)
    {
        lock (gate)
        {
            outstandingBytes -= message.Length;
        }

        ArrayPool<byte>.Shared.Return(message.Buffer);
    }

    /// <summary>Empties the queue; returns the bytes discarded.</summary>
    public long Clear()
    {
        lock (gate)
        {
            var dropped = queuedBytes;
            while (messages.TryDequeue(out var message))
            {
                ArrayPool<byte>.Shared.Return(message.Buffer);
            }

            outstandingBytes -= queuedBytes;
            queuedBytes = 0;
            return dropped;
        }
    }

    /// <summary>Releases a waiting <see cref="TryTake"/> (used at stop).</summary>
    public void Wake()
    {
        lock (gate)
        {
            woken = true;
            Monitor.PulseAll(gate);
        }
    }
}
