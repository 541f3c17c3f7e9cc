using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Edge.Simulation;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Simulation;

/// <summary>
/// A generic host with the simulated button panel (short long-press so holds are quick) and the
/// simulation console on a free loopback port, as AddTcdEdge would wire them; a temp data directory
/// for the device control file, deleted at the end.
/// </summary>
internal sealed class SimulationRig : IAsyncDisposable
{
    public const int LongPressMs = 1500;

    private SimulationRig(IHost host, int port, string directory)
    {
        Host = host;
        Port = port;
        Directory = directory;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public IHost Host { get; }

    public int Port { get; }

    public string Directory { get; }

    public HttpClient Http { get; }

    public FakeReceptionStatus Status => (FakeReceptionStatus)Host.Services.GetRequiredService<IReceptionStatus>();

    public CardSignalFeed Signals => Host.Services.GetRequiredService<CardSignalFeed>();

    public ButtonPanel Panel => Host.Services.GetRequiredService<ButtonPanel>();

    public string ControlFile => Path.Combine(Directory, "simulated-devices.json");

    public static async Task<SimulationRig> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var port = FreePort.Next();
        var directory = Path.Combine(Path.GetTempPath(), "tcd-sim-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var config = new Dictionary<string, string?>
        {
            ["Edge:DataDirectory"] = directory,
            ["Edge:Simulation:Enabled"] = "true",
            ["Edge:Simulation:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Edge:Buttons:DebounceMs"] = "20",
            ["Edge:Buttons:LongPressMs"] = LongPressMs.ToString(CultureInfo.InvariantCulture),
            ["Edge:Buttons:StuckSeconds"] = "30",
            ["Edge:Buttons:BoardsDirectory"] = Path.Combine(directory, "no-boards"),
        };
        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        builder.Services.AddOptions<EdgeOptions>().Bind(builder.Configuration.GetSection(EdgeOptions.SectionName));
        builder.Services.AddSingleton<IReceptionStatus, FakeReceptionStatus>();
        builder.AddButtonPanel();
        builder.AddSimulationConsole();
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }

        return new SimulationRig(host, port, directory);
    }

    public async Task<(int Status, JsonObject Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>() ?? throw new InvalidOperationException("empty answer");
        return ((int)response.StatusCode, body);
    }

    public Task<(int Status, JsonObject Body)> PostAsync(string path, string? json = null) => SendAsync(HttpMethod.Post, path, json);

    /// <summary>Every signal published so far, in order.</summary>
    public List<CardSignal> DrainSignals()
    {
        var signals = new List<CardSignal>();
        while (Signals.Reader.TryRead(out var signal))
        {
            signals.Add(signal);
        }

        return signals;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            await Host.StopAsync();
        }
        finally
        {
            Host.Dispose();
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
