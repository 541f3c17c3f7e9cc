using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Update;

namespace TiepCongDan.Edge.Tests.Update;

/// <summary>`builder.AddTcdEdge(); builder.AddUpdates();` wires the confirmer to the real edge node and the edge's data directory.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UpdateHostingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-update-host-").FullName;

    [Fact]
    public void AddUpdates_after_AddTcdEdge_registers_the_confirmer_on_the_edge_nodes_online_state()
    {
        using var host = Build(new() { ["Edge:Update:Root"] = _dir });

        var manager = host.Services.GetRequiredService<UpdateManager>();
        Assert.Equal(Path.Combine(_dir, "var/lib/tcd-edge-data"), manager.Layout.DataDirectory);
        Assert.Equal(Path.Combine(_dir, "opt/tcd-edge"), manager.Layout.Base);
        var signal = host.Services.GetRequiredService<IHubOnlineSignal>();
        Assert.False(signal.IsOnline); // not started: not connected
        Assert.Single(host.Services.GetServices<IHostedService>().OfType<UpdateHealthConfirmer>());
    }

    [Fact]
    public void A_relative_update_root_stops_the_start()
    {
        using var host = Build(new() { ["Edge:Update:Root"] = "relative/path" });
        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<UpdateOptions>>().Value);
        Assert.Contains("Edge:Update", string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IHost Build(Dictionary<string, string?> update)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Edge:KioskId"] = "11-00042",
            ["Edge:DataDirectory"] = "/var/lib/tcd-edge-data",
            ["Edge:Mqtt:Host"] = "127.0.0.1",
            ["Edge:Mqtt:Password"] = "irrelevant",
            ["Edge:Media:Enabled"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(update);
        builder.AddTcdEdge();
        builder.AddUpdates();
        return builder.Build();
    }
}
