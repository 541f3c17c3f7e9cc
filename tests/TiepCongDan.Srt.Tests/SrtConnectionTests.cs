namespace TiepCongDan.Srt.Tests;

public sealed class SrtConnectionTests
{
    private const string Secret = "correct-horse-battery-staple";

    [Fact]
    public async Task Caller_to_listener_delivers_2000_messages_intact_and_in_order()
    {
        var port = SrtTestPorts.FreeUdpPort();
        using var listener = SrtListener.Start(port, _ => SrtAcceptDecision.Accept(null));
        using var caller = SrtConnection.Connect(new SrtCallerOptions { Host = "127.0.0.1", Port = port, StreamId = "#!::r=test,m=publish" });
        using var accepted = listener.Accept(TimeSpan.FromSeconds(10));
        Assert.Equal("#!::r=test,m=publish", accepted.StreamId);

        var receive = Task.Run(() => SrtPipe.ReceiveNumbered(accepted, 2000, TimeSpan.FromSeconds(10)));
        for (var i = 0; i < 2000; i++)
        {
            caller.Send(SrtPipe.Message(i));
            if (i % 50 == 49)
            {
                Thread.Sleep(5); // live mode: keep to a stream rate, not a file dump
            }
        }

        var seen = await receive.WaitAsync(TimeSpan.FromSeconds(40));
        Assert.Equal(Enumerable.Range(0, 2000), seen);
    }

    [Fact]
    public async Task Encrypted_with_the_right_passphrase_works_and_the_hook_sees_the_stream_id()
    {
        var port = SrtTestPorts.FreeUdpPort();
        SrtHandshake? seenHandshake = null;
        using var listener = SrtListener.Start(port, h =>
        {
            seenHandshake = h;
            return SrtAcceptDecision.Accept(Secret);
        });
        using var caller = SrtConnection.Connect(new SrtCallerOptions { Host = "localhost", Port = port, StreamId = "kiosk-a", Passphrase = Secret, KeyLengthBytes = 32 });
        using var accepted = listener.Accept(TimeSpan.FromSeconds(10));
        var receive = Task.Run(() => SrtPipe.ReceiveNumbered(accepted, 100, TimeSpan.FromSeconds(10)));
        for (var i = 0; i < 100; i++)
        {
            caller.Send(SrtPipe.Message(i));
        }

        Assert.Equal(Enumerable.Range(0, 100), await receive.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.NotNull(seenHandshake);
        Assert.Equal("kiosk-a", seenHandshake.StreamId);
        Assert.Equal("127.0.0.1", seenHandshake.Peer.Address.ToString());
    }

    [Fact]
    public void Wrong_passphrase_is_refused_as_bad_secret()
    {
        var port = SrtTestPorts.FreeUdpPort();
        using var listener = SrtListener.Start(port, _ => SrtAcceptDecision.Accept(Secret));
        var e = Assert.Throws<SrtConnectException>(() => SrtConnection.Connect(new SrtCallerOptions { Host = "127.0.0.1", Port = port, Passphrase = "not-the-right-one" }));
        Assert.Equal(SrtRejectReason.BadSecret, e.Reason);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Passphrase_on_one_side_only_is_refused_as_unsecure()
    {
        var port = SrtTestPorts.FreeUdpPort();
        using var listener = SrtListener.Start(port, _ => SrtAcceptDecision.Accept(Secret));
        var e = Assert.Throws<SrtConnectException>(() => SrtConnection.Connect(new SrtCallerOptions { Host = "127.0.0.1", Port = port }));
        Assert.Equal(SrtRejectReason.Unsecure, e.Reason);

        using var open = SrtListener.Start(SrtTestPorts.FreeUdpPort(), _ => SrtAcceptDecision.Accept(null));
        var e2 = Assert.Throws<SrtConnectException>(() => SrtConnection.Connect(new SrtCallerOptions { Host = "127.0.0.1", Port = open.Port, Passphrase = Secret }));
        Assert.Equal(SrtRejectReason.Unsecure, e2.Reason);
    }

    [Fact]
    public void Listener_rejecting_an_unknown_stream_id_gives_the_caller_its_code()
    {
        var port = SrtTestPorts.FreeUdpPort();
        using var listener = SrtListener.Start(port, h => h.StreamId == "known" ? SrtAcceptDecision.Accept(null) : SrtAcceptDecision.Reject(1403));
        var e = Assert.Throws<SrtConnectException>(() => SrtConnection.Connect(new SrtCallerOptions { Host = "127.0.0.1", Port = port, StreamId = "stranger" }));
        Assert.Equal(SrtRejectReason.PeerRejected, e.Reason);
        Assert.Equal(1403, e.UserCode);
        Assert.Contains("1403", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decision_that_throws_refuses_the_caller_instead_of_crashing()
    {
        var port = SrtTestPorts.FreeUdpPort();
        using var listener = SrtListener.Start(port, _ => throw new InvalidOperationException("boom"));
        var e = Assert.Throws<SrtConnectException>(() => SrtConnection.Connect(new SrtCallerOptions { Host = "127.0.0.1", Port = port }));
        Assert.Equal(1500, e.UserCode);
    }

    [Fact]
    public void Nobody_listening_times_out()
    {
        var e = Assert.Throws<SrtConnectException>(() => SrtConnection.Connect(new SrtCallerOptions { Host = "127.0.0.1", Port = SrtTestPorts.FreeUdpPort(), ConnectTimeoutMs = 500 }));
        Assert.Equal(SrtRejectReason.Timeout, e.Reason);
    }

    [Fact]
    public async Task Stats_after_a_transfer_show_sent_packets_and_a_positive_rtt()
    {
        var port = SrtTestPorts.FreeUdpPort();
        using var listener = SrtListener.Start(port, _ => SrtAcceptDecision.Accept(null));
        using var caller = SrtConnection.Connect(new SrtCallerOptions { Host = "127.0.0.1", Port = port });
        using var accepted = listener.Accept(TimeSpan.FromSeconds(10));
        var receive = Task.Run(() => SrtPipe.ReceiveNumbered(accepted, 300, TimeSpan.FromSeconds(10)));
        for (var i = 0; i < 300; i++)
        {
            caller.Send(SrtPipe.Message(i));
            Thread.Sleep(i % 20 == 0 ? 10 : 0);
        }

        Assert.Equal(300, (await receive.WaitAsync(TimeSpan.FromSeconds(30))).Count);
        var stats = caller.GetStats(clear: true);
        Assert.True(stats.PacketsSent >= 300, $"sent {stats.PacketsSent}");
        Assert.True(stats.PacketsSentTotal >= 300);
        Assert.True(stats.BytesSentTotal >= 300L * 1316);
        Assert.True(stats.RttMs > 0, $"rtt {stats.RttMs}");
        Assert.Equal(120, stats.LatencyMs);
        var afterClear = caller.GetStats(clear: false);
        Assert.True(afterClear.PacketsSent < 300, "clear=true restarts the interval counters");
        Assert.True(accepted.GetStats(false).PacketsReceivedTotal >= 300);
        Assert.True(caller.IsConnected);
    }

    [Fact]
    public void Receive_returns_zero_when_the_peer_closes()
    {
        var port = SrtTestPorts.FreeUdpPort();
        using var listener = SrtListener.Start(port, _ => SrtAcceptDecision.Accept(null));
        var caller = SrtConnection.Connect(new SrtCallerOptions { Host = "127.0.0.1", Port = port });
        using var accepted = listener.Accept(TimeSpan.FromSeconds(10));
        accepted.SetReceiveTimeout(TimeSpan.FromSeconds(10));
        caller.Dispose();
        Assert.Equal(0, accepted.Receive(new byte[1500]));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("")]
    public void Options_reject_a_passphrase_outside_10_to_79_characters(string passphrase)
    {
        var options = new SrtCallerOptions { Host = "h", Port = 1, Passphrase = passphrase };
        var e = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("10-79", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_reject_a_bad_key_length() =>
        Assert.Throws<ArgumentException>(new SrtCallerOptions { Host = "h", Port = 1, KeyLengthBytes = 20 }.Validate);
}
