using System.Globalization;
using SQLite;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.ProcessLevel;

public sealed class EdgeProcess_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-edge-proc-").FullName;

    [Fact]
    public async Task A_configuration_error_exits_78_with_one_line_on_stderr()
    {
        using var edge = new EdgeProcess("--Edge:KioskId=14-4171", $"--Edge:DataDirectory={_dir}", "--Edge:Mqtt:Password=x", "--Edge:Media:Enabled=false");

        Assert.Equal(78, await edge.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        await Task.Delay(100);
        var line = Assert.Single(edge.Errors);
        Assert.Equal("tcd-edge: configuration error: Edge:KioskId '14-4171' is not a kiosk id: expected 2-digit province, '-', 5-digit commune, e.g. 14-04171.", line);
    }

    [Fact]
    public async Task Records_committed_while_offline_survive_SIGKILL_and_arrive_as_historical_after_restart()
    {
        var port = FreePort.Next();
        string[] args =
        [
            "--Edge:KioskId=14-04171", $"--Edge:DataDirectory={_dir}", "--Edge:Mqtt:Host=127.0.0.1",
            $"--Edge:Mqtt:Port={port}", "--Edge:Mqtt:Password=x", "--Edge:Media:Enabled=false", "--Edge:Health:SampleIntervalSeconds=1",
            "--Edge:Health:ReportIntervalSeconds=1", "--Edge:Mqtt:ReconnectMinDelayMs=200", "--Edge:Mqtt:ReconnectMaxDelayMs=500",
        ];
        var db = Path.Combine(_dir, "edge.db");

        List<long> committed;
        using (var offline = new EdgeProcess(args))
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (CommittedTimestamps(db).Count < 3)
            {
                Assert.True(DateTime.UtcNow < deadline, "tcd-edge stored no offline records: " + string.Join('\n', offline.Output));
                await Task.Delay(200);
            }

            offline.Kill();
            committed = CommittedTimestamps(db);
        }

        await using var broker = new TestBrokerOnPort(port);
        await broker.Broker.StartServerAsync();
        await broker.Broker.ConnectObserverAsync();
        using var online = new EdgeProcess(args);

        var historicalTimestamps = new HashSet<ulong>();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!committed.All(t => historicalTimestamps.Contains((ulong)t)) && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
            foreach (var m in broker.Broker.Of(SparkplugMessageType.NDATA).SelectMany(m => m.Payload.Metrics).Where(m => m.IsHistorical))
            {
                historicalTimestamps.Add(m.Timestamp);
            }
        }

        Assert.All(committed, t => Assert.Contains((ulong)t, historicalTimestamps));
    }

    private static List<long> CommittedTimestamps(string db)
    {
        if (!File.Exists(db))
        {
            return [];
        }

        try
        {
            using var connection = new SQLiteConnection(db, SQLiteOpenFlags.ReadOnly);
            return connection.QueryScalars<long>("SELECT created_ms FROM outbox WHERE message_type = 'NDATA' ORDER BY id");
        }
        catch (SQLiteException)
        {
            return []; // the table is being created
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A TestBroker that must listen on a port chosen before the edge started.</summary>
    private sealed class TestBrokerOnPort(int port) : IAsyncDisposable
    {
        public TestBroker Broker { get; } = TestBroker.OnPort(port);

        public ValueTask DisposeAsync() => Broker.DisposeAsync();
    }
}
