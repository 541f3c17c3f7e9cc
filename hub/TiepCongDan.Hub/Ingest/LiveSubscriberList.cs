namespace TiepCongDan.Hub.Ingest;

/// <summary>
/// The subscribers of one session id. Copy-on-write, so the receive thread calls them without a lock
/// while others subscribe and leave; changes are serialised by the bus's lock.
/// </summary>
internal sealed class LiveSubscriberList
{
    private Action<ReadOnlySpan<byte>>[] _subscribers = [];

    public bool IsEmpty => Volatile.Read(ref _subscribers).Length == 0;

    public Action<ReadOnlySpan<byte>>[] Current => Volatile.Read(ref _subscribers);

    public void Add(Action<ReadOnlySpan<byte>> subscriber) => Volatile.Write(ref _subscribers, [.. _subscribers, subscriber]);

    public void Remove(Action<ReadOnlySpan<byte>> subscriber)
    {
        var index = Array.IndexOf(_subscribers, subscriber);
        if (index >= 0)
        {
            Volatile.Write(ref _subscribers, [.. _subscribers[..index], .. _subscribers[(index + 1)..]]);
        }
    }
}
