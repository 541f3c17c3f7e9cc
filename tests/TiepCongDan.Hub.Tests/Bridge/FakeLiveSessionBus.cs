using System.Collections.Concurrent;
using System.Net;
using TiepCongDan.Hub.Ingest;

namespace TiepCongDan.Hub.Tests.Bridge;

/// <summary>A live session bus the test drives: start and end sessions, publish packets as the ingest would.</summary>
public sealed class FakeLiveSessionBus : ILiveSessionBus
{
    private readonly ConcurrentDictionary<string, LiveSessionInfo> _sessions = new();
    private readonly ConcurrentDictionary<string, ImmutableSubscribers> _subscribers = new();

    public IReadOnlyList<LiveSessionInfo> Sessions => [.. _sessions.Values];

    public event Action<LiveSessionInfo>? SessionStarted;

    public event Action<LiveSessionInfo>? SessionEnded;

    public LiveSessionInfo Start(string sessionId, string kioskId, string province)
    {
        var info = new LiveSessionInfo(sessionId, kioskId, province, DateTimeOffset.UtcNow, new IPEndPoint(IPAddress.Loopback, 1234));
        _sessions[sessionId] = info;
        SessionStarted?.Invoke(info);
        return info;
    }

    public void End(string sessionId)
    {
        if (_sessions.TryRemove(sessionId, out var info))
        {
            SessionEnded?.Invoke(info);
        }
    }

    public void Publish(string sessionId, ReadOnlySpan<byte> packets)
    {
        if (_subscribers.TryGetValue(sessionId, out var subscribers))
        {
            foreach (var subscriber in subscribers.Items)
            {
                subscriber(packets);
            }
        }
    }

    public IDisposable Subscribe(string sessionId, Action<ReadOnlySpan<byte>> onPackets)
    {
        _ = _subscribers.AddOrUpdate(sessionId, _ => new ImmutableSubscribers([onPackets]), (_, s) => new ImmutableSubscribers([.. s.Items, onPackets]));
        return new Unsubscriber(() => _subscribers.AddOrUpdate(sessionId, _ => new ImmutableSubscribers([]), (_, s) => new ImmutableSubscribers([.. s.Items.Where(i => i != onPackets)])));
    }

    private sealed record ImmutableSubscribers(Action<ReadOnlySpan<byte>>[] Items);

    private sealed class Unsubscriber(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
