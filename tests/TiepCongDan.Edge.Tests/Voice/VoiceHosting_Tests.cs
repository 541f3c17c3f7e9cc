using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Voice;

namespace TiepCongDan.Edge.Tests.Voice;

public sealed class VoiceHosting_Tests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tcd-voice-host-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddLogging();
        builder.AddVoice();
        return builder.Build();
    }

    [Fact]
    public async Task The_host_renders_every_prompt_at_start_and_binds_the_configured_volume_and_device()
    {
        VoiceTestTools.RequireAll();
        var cache = Path.Combine(_dir, "cache");
        using var host = Build(("Edge:Voice:CacheDirectory", cache), ("Edge:Voice:Volume", "35"), ("Edge:Voice:Device", "plughw:1,0"), ("Edge:Voice:Rate", "120"));
        await host.StartAsync();
        try
        {
            var options = host.Services.GetRequiredService<IOptions<EdgeVoiceOptions>>().Value;
            Assert.Equal(35, options.Volume);
            Assert.Equal("plughw:1,0", options.Device);
            Assert.Equal(120, options.Rate);
            Assert.Equal(["-f", "alsa", "plughw:1,0"], host.Services.GetRequiredService<VoiceOutput>().OutputArguments(1));
            Assert.NotNull(host.Services.GetRequiredService<VoicePlayer>());

            var warmup = host.Services.GetServices<IHostedService>().OfType<VoicePromptWarmup>().Single();
            await warmup.Completion.WaitAsync(TimeSpan.FromSeconds(60));
            var renderer = host.Services.GetRequiredService<VoicePromptRenderer>();
            Assert.All(VoicePromptCatalog.All, id => Assert.True(File.Exists(renderer.PathFor(id, cache)), $"{id} not rendered"));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_wrong_volume_stops_the_host_at_start_with_the_sentence()
    {
        using var host = Build(("Edge:Voice:CacheDirectory", _dir), ("Edge:Voice:Volume", "150"));
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Edge:Voice:Volume is 150: use 0 (silent) to 100", e.Message, StringComparison.Ordinal);
    }
}
