using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Alerts;
using TiepCongDan.Hub.Registry;

namespace TiepCongDan.Hub.Tests.Alerts;

/// <summary>
/// The alert engine on a real registry and a real alerts.db in a temporary folder, driven by a
/// FakeTimeProvider one evaluation per simulated second.
/// </summary>
public sealed class AlertHarness : IDisposable
{
    public const string Kiosk = "14-04171";

    private readonly string _directory;
    private readonly bool _ownsDirectory;

    /// <summary>With <paramref name="directory"/>, reopens that alerts.db (a hub restart) and leaves the folder to its owner.</summary>
    public AlertHarness(AlertOptions? options = null, Func<string, bool?>? selfTestFailed = null, string? directory = null)
    {
        _ownsDirectory = directory is null;
        _directory = directory ?? Path.Combine(Path.GetTempPath(), "tcd-alerts-test-" + Guid.NewGuid().ToString("N"));
        Options = options ?? new AlertOptions();
        var errors = AlertOptionsValidator.Check(Options);
        Assert.True(errors.Count == 0, string.Join(" ", errors));
        Store = new AlertStore(_directory);
        var wrapped = Microsoft.Extensions.Options.Options.Create(Options);
        Outbox = new AlertOutbox(wrapped, Time, "tcd-hub-test");
        Engine = new AlertEngine(Registry, Store, Outbox, wrapped, Time, NullLogger<AlertEngine>.Instance, new SelfTestFailedSource(selfTestFailed));
        Dispatcher = new AlertWebhookDispatcher(Store, Outbox, wrapped, Time, NullLogger<AlertWebhookDispatcher>.Instance);
    }

    public AlertOptions Options { get; }

    public string DataDirectory => _directory;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    public KioskRegistry Registry { get; } = new();

    public AlertStore Store { get; }

    public AlertOutbox Outbox { get; }

    public AlertEngine Engine { get; }

    public AlertWebhookDispatcher Dispatcher { get; }

    /// <summary>An online kiosk whose every value is healthy, with all six peripherals present.</summary>
    public void Healthy(string kioskId = Kiosk) => Change(kioskId, r =>
    {
        r.Online = true;
        r.LastSeen = Time.GetUtcNow();
        r.Metrics[NodeMetrics.CpuTemperature] = 55.0;
        r.Metrics[NodeMetrics.Throttled] = 0UL;
        r.Metrics[NodeMetrics.DiskFree] = 20_000_000_000UL;
        r.Metrics[NodeMetrics.DiskTotal] = 32_000_000_000UL;
        r.Metrics[MediaMetrics.StorageLevel] = "ok";
        r.Metrics[NodeMetrics.ClockSynced] = true;
        r.Metrics[MediaMetrics.SessionId] = string.Empty;
        r.Metrics[MediaMetrics.UplinkLossPercent] = null;
        r.Metrics[MediaMetrics.PendingSegments] = 0UL;
        r.Metrics[MediaMetrics.PendingBytes] = 0UL;
        r.Metrics["camera/" + MediaMetrics.Frozen] = false;
        r.Metrics["microphone/" + MediaMetrics.Silent] = false;
        foreach (var device in DeviceKinds.All)
        {
            r.Devices[device] = new DeviceState("present", string.Empty);
        }
    });

    public void Change(string kioskId, Action<KioskRecord> change) => Registry.Update(kioskId, r =>
    {
        change(r);
        return (true, 0);
    });

    /// <summary>Advances the clock second by second, evaluating after each step.</summary>
    public void Run(int seconds)
    {
        for (var i = 0; i < seconds; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            Engine.EvaluateOnce();
        }
    }

    public IReadOnlyList<AlertRow> Active() => Store.Query(new AlertQuery(State: AlertState.Active));

    public IReadOnlyList<AlertRow> All() => Store.Query(new AlertQuery(State: "all"));

    public void Dispose()
    {
        Dispatcher.Dispose();
        Outbox.Dispose();
        Store.Dispose();
        if (!_ownsDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder
        }
    }
}
