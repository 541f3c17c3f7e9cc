using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.Edge.Commands;
using TiepCongDan.Edge.Media.Upload;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Reception.Ports;

namespace TiepCongDan.Edge.Tests.Commands;

/// <summary>A <see cref="RemoteCommandRunner"/> over a temporary data directory, reporting to a <see cref="RecordingHubHandler"/>.</summary>
internal sealed class CommandTestKit : IDisposable
{
    public const string PngCommand = "ffmpeg -hide_banner -loglevel error -f lavfi -i testsrc2=size=160x90 -frames:v 1 -c:v png -f image2 pipe:1";

    public CommandTestKit(EdgeCommandOptions? options = null, IReceptionStatus? reception = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "tcd-edge-commands-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Options = options ?? new EdgeCommandOptions { ScreenshotCommand = PngCommand };
        Edge = new EdgeOptions { KioskId = "14-04171", DataDirectory = Directory };
        Edge.Media.CaptureWidth = 320;
        Edge.Media.CaptureHeight = 180;
        Edge.Media.Fps = 15;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Edge:KioskId"] = Edge.KioskId,
            ["Edge:DataDirectory"] = Directory,
        }).Build();
        Services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).BuildServiceProvider();
        var hub = new CommandHubClient(new SegmentUploaderSettings { HubBaseUri = new Uri("http://hub.test/"), KioskId = Edge.KioskId, Password = "p" }, Hub);
        Runner = new RemoteCommandRunner(Edge, Options, Services, media: null, reception, hub, TimeProvider.System, NullLogger.Instance);
    }

    public string Directory { get; }

    public EdgeCommandOptions Options { get; }

    public EdgeOptions Edge { get; }

    public ServiceProvider Services { get; }

    public RecordingHubHandler Hub { get; } = new();

    public RemoteCommandRunner Runner { get; }

    public void Dispose()
    {
        Runner.Dispose();
        Services.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder: best effort.
        }
    }

    /// <summary>A reception flow standing in one state.</summary>
    internal sealed class FixedReception(ReceptionState state) : IReceptionStatus
    {
        public ReceptionState State => state;

        public string? SessionId => state == ReceptionState.Idle ? null : "s-1";

        public event EventHandler<ReceptionState>? StateChanged
        {
            add { }
            remove { }
        }
    }
}
