using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;

namespace TiepCongDan.Benchmarks.Hub;

/// <summary>
/// When each frame-starting video packet (PUSI on the video PID) left a simulated kiosk and when
/// the same packet reached each receiving path, keyed by stream and the packet's bytes (continuity
/// counter masked, so a relay that renumbers still matches; the PTS inside makes every key unique).
/// Times are <see cref="Stopwatch"/> timestamps of this one process, so sender and sink share a clock.
/// Thread-safe.
/// </summary>
public sealed class PacketLedger
{
    private readonly ConcurrentDictionary<(string Stream, ulong Key), long> _sent = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<(string Stream, ulong Key), long>> _arrived = new(StringComparer.Ordinal);

    public static ulong KeyOf(ReadOnlySpan<byte> packet)
    {
        Span<byte> copy = stackalloc byte[TsBytes.PacketSize];
        packet[..TsBytes.PacketSize].CopyTo(copy);
        copy[3] &= 0xF0;
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(copy, hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    public void Sent(string stream, ulong key, long timestamp) => _sent.TryAdd((stream, key), timestamp);

    public void Arrived(string path, string stream, ulong key, long timestamp) =>
        _arrived.GetOrAdd(path, _ => new()).TryAdd((stream, key), timestamp);

    /// <summary>
    /// One path's one-way latencies and losses for <paramref name="streams"/>. A stream counts from
    /// the first of its packets that arrived (a bridge output starts at the next segment marker
    /// after it connects) up to packets sent before <paramref name="sentBefore"/> (the tail still
    /// in flight when the senders stopped is not a loss). A stream that never arrived counts every
    /// packet it sent as lost.
    /// </summary>
    public PathResult Summarize(string path, IReadOnlyCollection<string> streams, long sentBefore)
    {
        var arrived = _arrived.GetValueOrDefault(path) ?? new();
        var latencies = new List<double>();
        long expected = 0, lost = 0;
        var reached = 0;
        foreach (var stream in streams)
        {
            var sent = _sent.Where(s => s.Key.Stream == stream && s.Value < sentBefore).ToList();
            var got = sent.Where(s => arrived.ContainsKey(s.Key)).ToList();
            if (got.Count == 0)
            {
                expected += sent.Count;
                lost += sent.Count;
                continue;
            }

            reached++;
            var from = got.Min(s => s.Value);
            foreach (var s in sent.Where(s => s.Value >= from))
            {
                expected++;
                if (arrived.TryGetValue(s.Key, out var at))
                {
                    latencies.Add(Stopwatch.GetElapsedTime(s.Value, at).TotalMilliseconds);
                }
                else
                {
                    lost++;
                }
            }
        }

        return new PathResult(path, latencies, expected, lost, reached, streams.Count);
    }
}
