using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TiepCongDan.Edge.Commands;
using TiepCongDan.Edge.Sparkplug;
using TiepCongDan.Hub.Tests.SelfTest;

namespace TiepCongDan.Hub.Tests.Commands;

/// <summary>
/// A simulated kiosk's real service host (AddTcdEdge, started) against the in-process hub, with the
/// self-test tests' settings (<see cref="SelfTestEdgeKiosk"/>), a screenshot program that draws a PNG
/// with ffmpeg, and a node control that records restarts instead of doing them.
/// </summary>
internal sealed class CommandEdgeKiosk : IAsyncDisposable
{
    public const string ScreenshotCommand = "ffmpeg -hide_banner -loglevel error -f lavfi -i testsrc2=size=320x180 -frames:v 1 -c:v png -f image2 pipe:1";

    private readonly SelfTestEdgeKiosk _kiosk;
    private readonly IHost _host;

    private CommandEdgeKiosk(SelfTestEdgeKiosk kiosk, IHost host, RecordingNodeControl control)
    {
        _kiosk = kiosk;
        _host = host;
        Control = control;
    }

    public RecordingNodeControl Control { get; }

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public static async Task<CommandEdgeKiosk> StartAsync(SelfTestHub hub, string kioskId)
    {
        var kiosk = new SelfTestEdgeKiosk(hub, kioskId);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args =
            [
                .. kiosk.Args,
                "--Edge:Health:SampleIntervalSeconds=1",
                $"--Edge:Commands:ScreenshotCommand={ScreenshotCommand}",
                "--Edge:Commands:JournalCommand=tcd-no-such-journalctl",
            ],
            ContentRootPath = kiosk.DataDirectory,
        });
        var control = new RecordingNodeControl();
        builder.Services.AddSingleton<INodeControl>(control);
        builder.AddTcdEdge();
        builder.AddRemoteCommands();
        var host = builder.Build();
        await host.StartAsync();
        return new CommandEdgeKiosk(kiosk, host, control);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
        _kiosk.Dispose();
    }

    internal sealed class RecordingNodeControl : INodeControl
    {
        private int _reboots;

        public int Reboots => Volatile.Read(ref _reboots);

        public Task RebootAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reboots);
            return Task.CompletedTask;
        }

        public Task RestartServiceAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
