using MQTTnet.Protocol;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Sparkplug;

public sealed class Reconnect_Tests
{
    [Fact]
    public async Task A_refusing_broker_sees_backed_off_attempts_each_with_a_new_bdSeq_and_the_node_recovers_when_accepted()
    {
        await using var broker = await TestBroker.StartAsync();
        var attempts = 0;
        var refuse = true;
        var attemptTimes = new System.Collections.Concurrent.ConcurrentQueue<long>();
        broker.Server.ValidatingConnectionAsync += e =>
        {
            if (e.ClientId == "14-04171")
            {
                Interlocked.Increment(ref attempts);
                attemptTimes.Enqueue(System.Diagnostics.Stopwatch.GetTimestamp());
                Assert.Equal("14-04171", e.UserName);
                if (Volatile.Read(ref refuse))
                {
                    e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
                }
            }

            return Task.CompletedTask;
        };
        await using var node = new NodeHarness(broker.Port, reconnectMinDelay: TimeSpan.FromMilliseconds(100));
        node.Start();

        await node.WaitUntilAsync(() => Volatile.Read(ref attempts) >= 4, "four refused connect attempts");
        var refused = Volatile.Read(ref attempts);
        Assert.False(node.Node.IsOnline);
        var times = attemptTimes.ToArray();
        // Each retry waits at least the minimum delay (a slow machine only makes the gaps longer).
        for (var i = 1; i < 4; i++)
        {
            Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(times[i - 1], times[i]) >= TimeSpan.FromMilliseconds(95), $"attempt {i + 1} came too soon");
        }
        Assert.InRange(node.Node.BdSeq, (ulong)(refused - 1), (ulong)refused); // one new bdSeq per attempt (the next may be under way)

        Volatile.Write(ref refuse, false);
        await node.WaitOnlineAsync();
        Assert.True(node.Node.BdSeq >= (ulong)refused);
    }
}
