using System.Threading.Channels;

namespace TiepCongDan.Edge.Reception.Ports;

/// <summary>
/// Where every card and QR signal meets (a singleton): the PC/SC reader monitor, the keyboard-wedge
/// QR scanner and the simulation console publish; the session flow is the one reader. Bounded: when
/// nobody reads (flow stopped), the oldest signals are dropped rather than memory growing.
/// </summary>
public sealed class CardSignalFeed
{
    public const int Capacity = 64;

    private readonly Channel<CardSignal> _channel = Channel.CreateBounded<CardSignal>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<CardSignal> Reader => _channel.Reader;

    public void Publish(CardSignal signal) => _channel.Writer.TryWrite(signal);
}
