using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Contracts.Sparkplug.Protobuf;
using TiepCongDan.Edge.Tests.Infrastructure;

namespace TiepCongDan.Edge.Tests.Hosting;

public sealed class EdgeHost_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-host-").FullName;

    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTcdEdge();
        return builder.Build();
    }

    [Fact]
    public void A_configuration_error_surfaces_before_start_as_one_readable_validation_failure()
    {
        using var host = Build(new() { ["Edge:KioskId"] = "14-4171", ["Edge:DataDirectory"] = _dir });
        var ex = Assert.Throws<OptionsValidationException>(() => host.ValidateEdgeOptions());
        Assert.Contains("Edge:KioskId '14-4171' is not a kiosk id", string.Join(" ", ex.Failures), StringComparison.Ordinal);
        Assert.Contains("Edge:Mqtt:Password or Edge:Mqtt:PasswordFile is required", string.Join(" ", ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_host_births_its_node_with_a_password_file_and_restarts_on_command_with_exit_code_75()
    {
        await using var broker = await TestBroker.StartAsync();
        var passwordFile = Path.Combine(_dir, "mqtt-password");
        await File.WriteAllTextAsync(passwordFile, "secret\n");
        using var host = Build(new()
        {
            ["Edge:KioskId"] = "11-00042",
            ["Edge:DataDirectory"] = Path.Combine(_dir, "data"),
            ["Edge:Mqtt:Host"] = "127.0.0.1",
            ["Edge:Mqtt:Port"] = broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Edge:Mqtt:PasswordFile"] = passwordFile,
            ["Edge:Health:SampleIntervalSeconds"] = "1",
            ["Edge:Media:Enabled"] = "false",
        });
        host.ValidateEdgeOptions();
        await host.StartAsync();
        try
        {
            var birth = await broker.WaitForAsync(m => m.Type == SparkplugMessageType.NBIRTH, "NBIRTH from the hosted node");
            Assert.Equal("11", birth.Topic.GroupId);
            Assert.True(File.Exists(Path.Combine(_dir, "data", "edge.db")));
            await broker.WaitForAsync(m => m.Type == SparkplugMessageType.DBIRTH && m.Topic.DeviceId == DeviceKinds.ButtonPanel, "DBIRTHs");

            var command = new Payload { Timestamp = 1 };
            command.Metrics.Add(MetricFactory.Create(NodeMetrics.RestartService, 0, SparkplugValue.Of(true), 1));
            await broker.PublishAsync(SparkplugTopic.Node("11", SparkplugMessageType.NCMD, "11-00042"), command);
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            var stopping = new TaskCompletionSource();
            lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
            await stopping.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(75, Environment.ExitCode);
        }
        finally
        {
            Environment.ExitCode = 0;
            await host.StopAsync();
        }

        await broker.WaitForAsync(m => m.Type == SparkplugMessageType.NDEATH, "NDEATH on stop");
        Assert.True(Directory.EnumerateFiles(Path.Combine(_dir, "data", "logs")).Any(), "the rolling log file exists");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
