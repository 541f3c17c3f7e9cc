using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Watchdog;

namespace TiepCongDan.Edge.Tests.Watchdog;

public sealed class SystemdWatchdog_Tests
{
    private static Socket Bind(string address)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(address.StartsWith('@') ? "\0" + address[1..] : address));
        socket.ReceiveTimeout = 5000;
        return socket;
    }

    private static string Receive(Socket socket)
    {
        var buffer = new byte[256];
        var n = socket.Receive(buffer);
        return Encoding.UTF8.GetString(buffer, 0, n);
    }

    [Fact]
    public async Task The_watchdog_sends_WATCHDOG_1_to_a_real_notify_socket_while_the_loop_is_alive()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tcd-notify-{Guid.NewGuid():N}.sock");
        using var socket = Bind(path);
        var liveness = new NodeLiveness(TimeProvider.System);
        var settings = new WatchdogSettings(path, TimeSpan.FromMilliseconds(50));
        using var service = new SystemdWatchdogService(liveness, Microsoft.Extensions.Options.Options.Create(new EdgeOptions()), TimeProvider.System,
            NullLogger<SystemdWatchdogService>.Instance, settings);

        await service.StartAsync(CancellationToken.None);
        try
        {
            Assert.Equal("WATCHDOG=1", Receive(socket));
            Assert.Equal("WATCHDOG=1", Receive(socket));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
            File.Delete(path);
        }
    }

    [Fact]
    public void An_abstract_socket_name_with_at_sign_is_reached()
    {
        var name = $"@tcd-notify-{Guid.NewGuid():N}";
        using var socket = Bind(name);
        using var notify = new SystemdNotifySocket(name);
        notify.Send("WATCHDOG=1");
        Assert.Equal("WATCHDOG=1", Receive(socket));
    }

    [Fact]
    public void A_stalled_loop_is_no_longer_alive()
    {
        var time = new FakeTimeProvider();
        var liveness = new NodeLiveness(time);
        Assert.True(liveness.IsAlive(TimeSpan.FromSeconds(20)));
        time.Advance(TimeSpan.FromSeconds(21));
        Assert.False(liveness.IsAlive(TimeSpan.FromSeconds(20)));
        liveness.Beat();
        Assert.True(liveness.IsAlive(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task The_watchdog_stops_petting_when_the_loop_stalls()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tcd-notify-{Guid.NewGuid():N}.sock");
        using var socket = Bind(path);
        socket.ReceiveTimeout = 400;
        var time = new FakeTimeProvider();
        var liveness = new NodeLiveness(time);
        time.Advance(TimeSpan.FromMinutes(5)); // no beat for 5 minutes
        using var service = new SystemdWatchdogService(liveness, Microsoft.Extensions.Options.Options.Create(new EdgeOptions()), TimeProvider.System,
            NullLogger<SystemdWatchdogService>.Instance, new WatchdogSettings(path, TimeSpan.FromMilliseconds(50)));

        await service.StartAsync(CancellationToken.None);
        try
        {
            Assert.Throws<SocketException>(() => Receive(socket));
            liveness.Beat();
            socket.ReceiveTimeout = 5000;
            Assert.Equal("WATCHDOG=1", Receive(socket));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
            File.Delete(path);
        }
    }

    [Fact]
    public void Settings_follow_sd_watchdog_enabled_rules()
    {
        var env = new Dictionary<string, string?> { ["WATCHDOG_USEC"] = "20000000", ["NOTIFY_SOCKET"] = "/run/systemd/notify" };
        var settings = WatchdogSettings.FromEnvironment(k => env.GetValueOrDefault(k), 4242);
        Assert.Equal(TimeSpan.FromSeconds(10), settings!.Interval);

        env["WATCHDOG_PID"] = "4242";
        Assert.NotNull(WatchdogSettings.FromEnvironment(k => env.GetValueOrDefault(k), 4242));
        env["WATCHDOG_PID"] = "1";
        Assert.Null(WatchdogSettings.FromEnvironment(k => env.GetValueOrDefault(k), 4242));
        Assert.Null(WatchdogSettings.FromEnvironment(_ => null, 4242));
    }
}
