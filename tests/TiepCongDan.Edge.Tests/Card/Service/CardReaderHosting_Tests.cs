using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Contracts.Sparkplug;
using TiepCongDan.Edge.Card.Service;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Sparkplug;

namespace TiepCongDan.Edge.Tests.Card.Service;

/// <summary>How the kiosk service takes the card reader in: off by default, validated at start, metrics with fixed aliases.</summary>
public sealed class CardReaderHosting_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-card-host-").FullName;

    [Fact]
    public void By_default_the_reader_service_is_not_registered_so_a_kiosk_without_pcscd_starts_as_before()
    {
        using var host = Build([]);

        host.ValidateEdgeOptions();

        Assert.False(host.Services.GetRequiredService<IOptions<EdgeCardOptions>>().Value.Enabled);
        Assert.Null(host.Services.GetService<CardReaderService>());
    }

    [Fact]
    public void Enabled_registers_the_reader_service()
    {
        using var host = Build(new() { ["Edge:Card:Enabled"] = "true" });

        host.ValidateEdgeOptions();

        Assert.NotNull(host.Services.GetService<CardReaderService>());
    }

    [Fact]
    public void A_wrong_card_setting_stops_the_start_with_a_sentence_naming_the_key()
    {
        using var host = Build(new() { ["Edge:Card:ChunkSize"] = "300" });

        var error = Assert.Throws<OptionsValidationException>(() => host.ValidateEdgeOptions());

        Assert.Contains("Edge:Card:ChunkSize is 300", string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void The_card_reader_metrics_have_fixed_aliases_and_types()
    {
        var metrics = DeviceMetricCatalog.For(DeviceKinds.CardReader).ToDictionary(d => d.Name);

        Assert.Equal(1410UL, metrics[CardMetrics.ReaderPresent].Alias);
        Assert.Equal(1418UL, metrics[CardMetrics.AuthenticityFailures].Alias);
        Assert.Equal(SparkplugDataType.Boolean, metrics[CardMetrics.CardPresent].DataType);
        Assert.Equal(SparkplugDataType.String, metrics[CardMetrics.LastReadOkAt].DataType);
        Assert.Equal(SparkplugDataType.UInt64, metrics[CardMetrics.WrongKeyErrors].DataType);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private IHost Build(Dictionary<string, string?> card)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Edge:KioskId"] = "11-00042",
            ["Edge:DataDirectory"] = _dir,
            ["Edge:Mqtt:Host"] = "127.0.0.1",
            ["Edge:Mqtt:Password"] = "irrelevant",
            ["Edge:Media:Enabled"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(card);
        builder.AddTcdEdge();
        return builder.Build();
    }
}
