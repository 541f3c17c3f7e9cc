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
        broker.Server.ValidatingConnectionAsync += e =>
        {
            if (e.ClientId == "14-04171")
            {
                Interlocked.Increment(ref attempts);
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

        await Task.Delay(1500);
        var refused = Volatile.Read(ref attempts);
        Assert.False(node.Node.IsOnline);
        Assert.InRange(refused, 2, 15); // without back-off this would be hundreds
        Assert.InRange(node.Node.BdSeq, (ulong)(refused - 1), (ulong)refused); // one new bdSeq per attempt (the next may be under way)

        Volatile.Write(ref refuse, false);
        await node.WaitOnlineAsync();
        Assert.True(node.Node.BdSeq >= (ulong)refused);
    }
}
