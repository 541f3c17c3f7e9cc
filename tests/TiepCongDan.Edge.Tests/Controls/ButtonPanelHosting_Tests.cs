using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Devices;
using TiepCongDan.Edge.Devices.Simulated;

namespace TiepCongDan.Edge.Tests.Controls;

/// <summary>AddButtonPanel in a generic host, and the panel's port in the node's device set.</summary>
public sealed class ButtonPanelHosting_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-buttons-host-").FullName;

    [Fact]
    public async Task The_host_builds_the_simulated_panel_showing_idle_and_its_simulator_presses_buttons()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        using var host = Build(new() { ["Edge:Buttons:BoardsDirectory"] = RepoFiles.BoardsDirectory, ["Edge:Buttons:Board"] = "simulated" }, time);
        await host.StartAsync();

        var panelHost = host.Services.GetRequiredService<ButtonPanelHost>();
        var panel = host.Services.GetRequiredService<ButtonPanel>();
        Assert.Same(panelHost.Panel, panel);
        Assert.Equal(StatusLedMode.Idle, panel.Status);
        Assert.Equal(Path.Combine(RepoFiles.BoardsDirectory, "simulated.json"), panel.Settings.PinMap.Source);

        var simulator = Assert.IsType<TiepCongDan.Edge.Controls.Simulation.ButtonPanelSimulator>(panelHost.Simulator);
        Assert.True(simulator.IsStatusLightLit());
        simulator.Press(ButtonRole.Dissatisfied);
        time.Advance(TimeSpan.FromMilliseconds(100));
        simulator.Release(ButtonRole.Dissatisfied);
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(panel.Events.TryRead(out var first));
        Assert.Equal(new ButtonEvent(ButtonRole.Dissatisfied, ButtonEventKind.Press, time.GetUtcNow() - TimeSpan.FromMilliseconds(200)), first);

        await host.StopAsync();
    }

    [Fact]
    public async Task A_wrong_setting_stops_the_host_at_start_with_the_sentence()
    {
        using var host = Build(new() { ["Edge:Buttons:BoardsDirectory"] = RepoFiles.BoardsDirectory, ["Edge:Buttons:Board"] = "raspberry-pi-3" }, TimeProvider.System);
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("raspberry-pi-3.json' does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disabled_panel_is_not_registered()
    {
        using var host = Build(new() { ["Edge:Buttons:Enabled"] = "false" }, TimeProvider.System);
        Assert.Null(host.Services.GetService<ButtonPanel>());
    }

    [Fact]
    public void The_device_set_reports_the_real_panel_in_place_of_a_simulated_one()
    {
        using var rig = new PanelRig();
        var inner = new SimulatedDevicePortSet(Path.Combine(_dir, "devices.json"), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var set = new ButtonPanelDevicePortSet(inner, rig.Panel.Port);

        var panels = set.Attached.Where(p => p.Kind == DeviceKinds.ButtonPanel).ToList();
        Assert.Same(rig.Panel.Port, Assert.Single(panels));
        Assert.Equal(inner.Attached.Count(p => p.Kind != DeviceKinds.ButtonPanel) + 1, set.Attached.Count);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IHost Build(Dictionary<string, string?> settings, TimeProvider time)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(time);
        builder.Services.AddLogging();
        builder.AddButtonPanel();
        return builder.Build();
    }
}
