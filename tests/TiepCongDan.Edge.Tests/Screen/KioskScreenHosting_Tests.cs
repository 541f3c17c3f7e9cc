using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TiepCongDan.Edge.Reception;
using TiepCongDan.Edge.Screen;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Screen;

/// <summary>AddKioskScreen in a generic host: the page served at start, the display driven by Show, a wrong address stopping the start.</summary>
public sealed class KioskScreenHosting_Tests
{
    [Fact]
    public async Task The_host_serves_the_page_and_show_reaches_both_the_page_and_the_display()
    {
        var port = FreePort.Next();
        var sink = new RecordingDisplaySink();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        using var host = Build(new() { ["Edge:Screen:Enabled"] = "true", ["Edge:Screen:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Edge:Screen:IdleOffSeconds"] = "60" }, services =>
        {
            services.AddSingleton<IDisplayPowerSink>(sink);
            services.AddSingleton<TimeProvider>(time);
        });
        await host.StartAsync();

        var server = host.Services.GetRequiredService<KioskScreenServer>();
        var display = host.Services.GetRequiredService<DisplayPower>();
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), server.Address);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        Assert.Contains("\"state\":\"Idle\"", await http.GetStringAsync(new Uri(server.Address, "api/screen/state")), StringComparison.Ordinal);

        time.Advance(TimeSpan.FromSeconds(60));
        await display.Settled;
        Assert.False(display.IsOn);

        server.Show(KioskScreenState.For(ReceptionState.CitizenPresent));
        await display.Settled;
        Assert.True(display.IsOn);
        Assert.Equal([true, false, true], sink.Switches);
        Assert.Contains("Đang đọc thẻ, xin vui lòng chờ", await http.GetStringAsync(new Uri(server.Address, "api/screen/state")), StringComparison.Ordinal);

        await host.StopAsync();
    }

    [Fact]
    public async Task A_network_address_stops_the_host_at_start_with_the_sentence()
    {
        using var host = Build(new() { ["Edge:Screen:Enabled"] = "true", ["Edge:Screen:Address"] = "0.0.0.0" });
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Edge:Screen:Address is '0.0.0.0': the kiosk page is served on 127.0.0.1 only", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("false")]
    [InlineData(null)]
    public async Task A_disabled_screen_and_the_default_register_neither_the_page_nor_the_display(string? enabled)
    {
        // Off by default: several tcd-edge processes on one machine (build.sh run, fleet tests) cannot share one loopback port.
        using var host = Build(new() { ["Edge:Screen:Enabled"] = enabled, ["Edge:Screen:Address"] = "0.0.0.0" });
        await host.StartAsync();
        Assert.Null(host.Services.GetService<KioskScreenServer>());
        Assert.Null(host.Services.GetService<DisplayPower>());
        await host.StopAsync();
    }

    private static IHost Build(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        configure?.Invoke(builder.Services);
        builder.AddKioskScreen();
        return builder.Build();
    }
}
