using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.EndToEnd.Tests.Fixtures;

namespace TiepCongDan.EndToEnd.Tests;

/// <summary>
/// The broker goes away; the kiosk keeps sampling into its SQLite outbox; the kiosk is even killed
/// during the outage. When both come back, every record the outbox had committed arrives, marked
/// historical. Mosquitto is the broker here so an independent subscriber can see every message
/// (the embedded broker lets no one but the hub read kiosk data); the hub runs as its client.
/// </summary>
[Collection(ProcessHeavyCollection.Name)]
public sealed class OfflineStore_Tests(ITestOutputHelper output)
{
    private const string Kiosk = "31-11311";
    private const string ObserverUser = "e2e-observer";

    [Fact]
    public async Task Data_sampled_during_an_outage_survives_a_SIGKILL_and_arrives_marked_historical()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var ct = cts.Token;
        var observerPassword = Guid.NewGuid().ToString("N");
        // The broker files are the ones `tcd-hub mosquitto-config` writes, plus one read-only observer.
        await using var deployment = await MosquittoDeployment.GenerateAsync([Kiosk], ct);
        await deployment.AddReaderAsync(ObserverUser, observerPassword, ct);
        var secret = FleetSecret.Read(deployment.SecretFile);
        await using var mosquitto = await MosquittoProcess.StartGeneratedAsync(deployment.ConfigFolder, deployment.Port, cancellationToken: ct);
        await using var hub = await HubProcess.StartAsync(new HubStartOptions
        {
            ExternalBroker = true,
            ExternalPort = mosquitto.Port,
            ExternalUsername = deployment.HubUsername,
            ExternalPassword = deployment.HubPassword,
            FleetSecretFile = secret.FilePath,
        }, ct);
        await using var edge = new EdgeProcess(Kiosk, "127.0.0.1", mosquitto.Port, secret.PasswordFor(Kiosk), keepAliveSeconds: 5, sampleIntervalSeconds: 1);
        edge.StartProcess();
        var database = Path.Combine(edge.DataDirectory, "edge.db");
        string Diagnostics() => edge.Describe() + "\n" + mosquitto.Describe() + "\n" + hub.Describe();

        await edge.WaitOnHubAsync(hub, d => d.Online, TimeSpan.FromSeconds(45), "online through Mosquitto", ct);

        // Outage: the broker dies. The kiosk keeps sampling every second into its outbox.
        await mosquitto.KillAsync();
        var pending = await Poll.UntilAsync(
            c => CountOutboxAsync(database, c), n => n >= 5, TimeSpan.FromSeconds(30),
            "at least 5 records in the outbox during the outage", Diagnostics, TimeSpan.FromMilliseconds(500), ct);

        // Power cut during the outage. Whatever the outbox had committed must survive.
        await edge.KillAsync();
        var committed = await CountOutboxAsync(database, ct);
        Assert.True(committed >= pending, $"the outbox had {pending} records before SIGKILL and {committed} after");

        // The broker returns; an observer subscribes before the kiosk restarts, so it sees the replay.
        await mosquitto.StartProcessAsync(ct);
        var (observer, result) = await SparkplugTestClient.ConnectAsync("127.0.0.1", mosquitto.Port, "e2e-observer", ObserverUser, observerPassword, ct);
        await using (observer)
        {
            Assert.Equal(MQTTnet.MqttClientConnectResultCode.Success, result);
            await observer.SubscribeAsync($"spBv1.0/+/+/{Kiosk}", ct);
            await observer.SubscribeAsync($"spBv1.0/+/+/{Kiosk}/+", ct);
            edge.StartProcess();

            await Poll.UntilAsync(
                async c => await CountOutboxAsync(database, c) == 0 && Historical(observer).Count >= committed,
                TimeSpan.FromSeconds(60), $"the outbox to drain and {committed} historical messages to arrive",
                () => $"historical so far: {Historical(observer).Count}; messages seen: {observer.Messages.Count}\n" + Diagnostics(),
                TimeSpan.FromMilliseconds(500), ct);

            var replayed = Historical(observer);
            output.WriteLine($"outbox rows committed before SIGKILL: {committed}; historical messages received after restart: {replayed.Count}");
            Assert.True(replayed.Count >= committed, $"{replayed.Count} historical messages for {committed} committed records");
            Assert.All(replayed, m => Assert.All(m.Payload!.Metrics, metric => Assert.True(metric.IsHistorical, $"{m.Topic}: {metric.Name} not historical")));
            Assert.Contains(observer.Messages, m => m.Parsed?.MessageType == SparkplugMessageType.NBIRTH);
        }

        // The hub, a client of the restarted broker, sees the kiosk again.
        await hub.WaitForDeviceAsync(Kiosk, d => d.Online, TimeSpan.FromSeconds(30), "online again after the outage", Diagnostics, ct);
    }

    [Fact]
    public async Task With_the_embedded_broker_a_hub_outage_and_a_kiosk_SIGKILL_lose_no_committed_record()
    {
        // The default deployment: the hub is the broker, so the outage is the hub itself dying.
        // Only the hub may read kiosk data on its broker, so arrival is seen in its message counter
        // and in the kiosk's own account of the replay.
        const string Kiosk2 = "31-11312";
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(150));
        var ct = cts.Token;
        await using var hub = await HubProcess.StartAsync(cancellationToken: ct);
        await using var edge = EdgeProcess.Start(Kiosk2, hub);
        var database = Path.Combine(edge.DataDirectory, "edge.db");
        string Diagnostics() => edge.Describe() + "\n" + hub.Describe();
        await edge.WaitOnHubAsync(hub, d => d.Online, TimeSpan.FromSeconds(45), "online", ct);

        await hub.KillAsync();
        var pending = await Poll.UntilAsync(
            c => CountOutboxAsync(database, c), n => n >= 5, TimeSpan.FromSeconds(30),
            "at least 5 records in the outbox while the hub is down", Diagnostics, TimeSpan.FromMilliseconds(500), ct);
        await edge.KillAsync();
        var committed = await CountOutboxAsync(database, ct);
        Assert.True(committed >= pending, $"the outbox had {pending} records before SIGKILL and {committed} after");

        // Same ports, same data folder: the hub comes back as after a crash, then the kiosk.
        await hub.StartProcessAsync(ct);
        edge.StartProcess();
        await Poll.UntilAsync(
            async c => await CountOutboxAsync(database, c) == 0, TimeSpan.FromSeconds(60), "the outbox to drain",
            Diagnostics, TimeSpan.FromMilliseconds(500), ct);
        var back = await edge.WaitOnHubAsync(hub, d => d.Online, TimeSpan.FromSeconds(30), "online after the outage", ct);
        Assert.True(back!.Online);

        // The restarted hub counted at least every replayed record as NDATA/DDATA.
        var metrics = await hub.GetMetricsAsync(ct);
        var received = metrics.Sum("tcd_hub_messages_total", l => l.GetValueOrDefault("type") is "NDATA" or "DDATA");
        output.WriteLine($"embedded: outbox rows committed before SIGKILL: {committed}; data messages counted by the restarted hub: {received}");
        Assert.True(received >= committed, $"the hub counted {received} data messages for {committed} committed records.\n{Diagnostics()}");
        Assert.Equal(0, metrics.Sum("tcd_hub_dropped_total"));
    }

    private static Task<long> CountOutboxAsync(string database, CancellationToken ct) =>
        File.Exists(database) ? SqliteCli.ScalarAsync(database, "select count(*) from outbox;", ct) : Task.FromResult(0L);

    /// <summary>Data messages whose every metric is flagged is_historical: the outbox replay.</summary>
    private static List<SparkplugTestClient.Received> Historical(SparkplugTestClient observer) =>
        [.. observer.Messages.Where(m =>
            m.Parsed?.MessageType is SparkplugMessageType.NDATA or SparkplugMessageType.DDATA
            && m.Payload is { Metrics.Count: > 0 } payload
            && payload.Metrics.All(metric => metric.IsHistorical))];
}
