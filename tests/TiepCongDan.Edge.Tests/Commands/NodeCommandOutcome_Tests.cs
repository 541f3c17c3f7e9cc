using System.Text;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Commands;

/// <summary>The node reads the hub's command id from the NCMD and reports its own commands' outcomes under it.</summary>
public sealed class NodeCommandOutcome_Tests
{
    private static Payload Command(string name, string? id)
    {
        var payload = new Payload { Timestamp = 1 };
        if (id is not null)
        {
            payload.Metrics.Add(MetricFactory.Create(NodeMetrics.CommandId, 0, SparkplugValue.Of(id), 1));
        }

        payload.Metrics.Add(MetricFactory.Create(name, 0, SparkplugValue.Of(true), 1));
        return payload;
    }

    [Fact]
    public async Task Ping_is_reported_done_a_reboot_accepted_and_a_command_without_an_id_not_at_all()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var node = new NodeHarness(broker.Port);
        using var kit = new CommandTestKit();
        node.Node.RemoteCommands = kit.Runner;
        node.Start();
        await node.WaitOnlineAsync();
        var topic = SparkplugTopic.Node("14", SparkplugMessageType.NCMD, "14-04171");

        await broker.PublishAsync(topic, Command(NodeMetrics.Ping, null));
        await broker.PublishAsync(topic, Command(NodeMetrics.Ping, "c-ping"));
        await broker.PublishAsync(topic, Command(NodeMetrics.Reboot, "c-reboot"));
        await node.WaitUntilAsync(() => node.Control.Calls.Count == 1 && kit.Hub.Requests.Count == 2, "the reboot and two outcomes");

        // Reported in the background, so in either order.
        var outcomes = kit.Hub.Requests.ToDictionary(r => r.Path, r => Encoding.UTF8.GetString(r.Body));
        Assert.Equal(["/api/kiosk/commands/c-ping/result", "/api/kiosk/commands/c-reboot/result"], outcomes.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("\"state\":\"done\"", outcomes["/api/kiosk/commands/c-ping/result"], StringComparison.Ordinal);
        Assert.Contains("pong", outcomes["/api/kiosk/commands/c-ping/result"], StringComparison.Ordinal);
        Assert.Contains("\"state\":\"accepted\"", outcomes["/api/kiosk/commands/c-reboot/result"], StringComparison.Ordinal);
        Assert.Equal(["reboot"], node.Control.Calls.ToArray());
    }

    [Fact]
    public async Task A_screenshot_command_goes_to_the_runner_which_uploads_and_reports()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var node = new NodeHarness(broker.Port);
        using var kit = new CommandTestKit();
        node.Node.RemoteCommands = kit.Runner;
        node.Start();
        await node.WaitOnlineAsync();

        await broker.PublishAsync(SparkplugTopic.Node("14", SparkplugMessageType.NCMD, "14-04171"), Command(NodeMetrics.Screenshot, "c-shot"));
        await node.WaitUntilAsync(() => kit.Hub.Requests.Count == 2, "the artifact and the outcome", 30_000);

        var requests = kit.Hub.Requests.ToArray();
        Assert.Equal("PUT", requests[0].Method);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, requests[0].Body[..4]);
        Assert.Contains("\"state\":\"done\"", Encoding.UTF8.GetString(requests[1].Body), StringComparison.Ordinal);
    }
}
