using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Hub.Ingest;

namespace TiepCongDan.Hub.Tests.Ingest;

/// <summary>The bus's own rules on a fake clock: reconnect grace, subscriptions by session id, unfinished handshakes.</summary>
public sealed class LiveSessionBusTests
{
    private static readonly IPEndPoint Peer = new(IPAddress.Loopback, 40000);
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(3);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-23T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly LiveSessionBus _bus;

    public LiveSessionBusTests() => _bus = new LiveSessionBus(_time, NullLogger<LiveSessionBus>.Instance);

    [Fact]
    public void A_session_outlives_its_connection_by_the_grace_and_a_reconnect_within_it_keeps_it_and_its_subscribers()
    {
        var ended = new List<string>();
        _bus.SessionEnded += i => ended.Add(i.SessionId);
        var sink = new PacketSink();
        using var subscription = _bus.Subscribe("S-00000001", sink.Handler);
        var (session, first) = _bus.Attach(Peer, "14-04171", "S-00000001");
        _bus.Publish(session, Packet(1));

        _bus.Detach(session, first);
        _time.Advance(LiveSessionBus.ReconnectGrace - TimeSpan.FromSeconds(1));
        _ = _bus.Sweep(LiveSessionBus.ReconnectGrace, HandshakeTimeout);
        var (again, second) = _bus.Attach(Peer, "14-04171", "S-00000001");
        _bus.Publish(again, Packet(2));
        _time.Advance(LiveSessionBus.ReconnectGrace * 2);
        _ = _bus.Sweep(LiveSessionBus.ReconnectGrace, HandshakeTimeout);

        Assert.Same(session, again);
        Assert.Equal(2, second);
        Assert.Empty(ended);
        Assert.Equal([.. Packet(1), .. Packet(2)], sink.ToArray());

        _bus.Detach(again, first); // the stale connection's late goodbye changes nothing
        _time.Advance(LiveSessionBus.ReconnectGrace * 2);
        _ = _bus.Sweep(LiveSessionBus.ReconnectGrace, HandshakeTimeout);
        Assert.Empty(ended);

        _bus.Detach(again, second);
        _time.Advance(LiveSessionBus.ReconnectGrace);
        _ = _bus.Sweep(LiveSessionBus.ReconnectGrace, HandshakeTimeout);
        Assert.Equal(["S-00000001"], ended);
        Assert.Empty(_bus.Sessions);

        // The subscription belongs to the session id: the kiosk coming back later still feeds it.
        var (back, _) = _bus.Attach(Peer, "14-04171", "S-00000001");
        _bus.Publish(back, Packet(3));
        Assert.Equal([.. Packet(1), .. Packet(2), .. Packet(3)], sink.ToArray());
    }

    [Fact]
    public void A_disposed_subscription_and_a_throwing_subscriber_do_not_stop_the_others()
    {
        var kept = new PacketSink();
        var dropped = new PacketSink();
        using var throwing = _bus.Subscribe("S-00000002", _ => throw new InvalidOperationException("subscriber bug"));
        using var keep = _bus.Subscribe("S-00000002", kept.Handler);
        var leave = _bus.Subscribe("S-00000002", dropped.Handler);
        var (session, _) = _bus.Attach(Peer, "14-04171", "S-00000002");

        _bus.Publish(session, Packet(1));
        leave.Dispose();
        leave.Dispose();
        _bus.Publish(session, Packet(2));

        Assert.Equal([.. Packet(1), .. Packet(2)], kept.ToArray());
        Assert.Equal(Packet(1), dropped.ToArray());
    }

    [Fact]
    public void Reservations_enforce_ownership_and_capacity_and_unfinished_handshakes_expire()
    {
        Assert.Null(_bus.Reserve(Peer, "14-04171", "S-00000003", maxSessions: 2));
        Assert.Equal(IngestRefusal.OtherKiosksStream, _bus.Reserve(new IPEndPoint(IPAddress.Loopback, 40001), "14-04172", "S-00000003", 2));
        Assert.Null(_bus.Reserve(new IPEndPoint(IPAddress.Loopback, 40002), "14-04172", "S-00000004", 2));
        Assert.Equal(IngestRefusal.TooManySessions, _bus.Reserve(new IPEndPoint(IPAddress.Loopback, 40003), "14-04173", "S-00000005", 2));

        _ = _bus.Attach(Peer, "14-04171", "S-00000003");
        _time.Advance(HandshakeTimeout);
        var expired = _bus.Sweep(LiveSessionBus.ReconnectGrace, HandshakeTimeout);

        Assert.Equal("S-00000004", Assert.Single(expired).SessionId);
        Assert.Null(_bus.Reserve(new IPEndPoint(IPAddress.Loopback, 40003), "14-04173", "S-00000005", 2));
        Assert.Equal("14-04171", _bus.LiveOwner("S-00000003"));
    }

    private static byte[] Packet(byte marker)
    {
        var packet = new byte[188];
        packet.AsSpan().Fill(marker);
        packet[0] = 0x47;
        return packet;
    }
}
