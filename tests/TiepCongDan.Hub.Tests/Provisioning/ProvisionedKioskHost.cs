using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TiepCongDan.Edge.Provisioning;

namespace TiepCongDan.Hub.Tests.Provisioning;

/// <summary>
/// A kiosk after first boot, in temporary folders standing for /boot/firmware, /etc/tcd-edge and
/// /var/lib/tcd-edge; <see cref="StartEdgeAsync"/> runs the kiosk's real host (AddTcdEdge) from the
/// installed edge.json alone, as the service does from /etc/tcd-edge/edge.json.
/// </summary>
internal sealed class ProvisionedKioskHost : IAsyncDisposable
{
    private IHost? _edge;

    public ProvisionedKioskHost()
    {
        Root = Path.Combine(Path.GetTempPath(), "tcd-firstboot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "boot"));
        Settings = new FirstBootSettings
        {
            BundlePath = Path.Combine(Root, "boot", "tcd-kiosk.bundle"),
            EtcDirectory = Path.Combine(Root, "etc"),
            DataDirectory = Path.Combine(Root, "data"),
        };
    }

    public string Root { get; }

    public FirstBootSettings Settings { get; }

    public async Task StartEdgeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = ["--Edge:Media:Enabled=false", "--Edge:Mqtt:KeepAliveSeconds=5", "--Edge:Health:SampleIntervalSeconds=1"],
            ContentRootPath = Settings.DataDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddJsonFile(Settings.ConfigPath, optional: false);
        builder.Configuration.AddCommandLine(["--Edge:Media:Enabled=false", "--Edge:Mqtt:KeepAliveSeconds=5", "--Edge:Health:SampleIntervalSeconds=1"]);
        builder.AddTcdEdge();
        _edge = builder.Build();
        _edge.ValidateEdgeOptions();
        await _edge.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_edge is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _edge.StopAsync(timeout.Token);
            _edge.Dispose();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder: best effort.
        }
    }
}
