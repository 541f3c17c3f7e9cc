using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception.Ports;
using TiepCongDan.Edge.Voice;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wires the spoken guidance into the edge's host (in the namespace callers already import).</summary>
public static class VoiceHostingExtensions
{
    /// <summary>
    /// Validated "Edge:Voice" options (a wrong volume or device stops the unit at boot), the
    /// <see cref="VoicePromptRenderer"/>, a <see cref="VoicePlayer"/> to the configured ALSA device
    /// (which renders a prompt on its first use), and <see cref="VoicePromptWarmup"/> rendering the
    /// rest in the background right after start. A disabled voice still registers the player: it
    /// answers every request with Suppressed.
    /// </summary>
    public static IHostApplicationBuilder AddVoice(this IHostApplicationBuilder builder) => builder.AddVoice(TimeSpan.Zero);

    /// <summary>
    /// As <see cref="AddVoice(IHostApplicationBuilder)"/>, with the background rendering starting
    /// <paramref name="warmupAfter"/> after start and only while no session runs (an
    /// <see cref="IReceptionStatus"/>, when registered, says so); null: no background rendering.
    /// </summary>
    public static IHostApplicationBuilder AddVoice(this IHostApplicationBuilder builder, TimeSpan? warmupAfter)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<EdgeVoiceOptions>()
            .Bind(builder.Configuration.GetSection(EdgeVoiceOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EdgeVoiceOptions>, EdgeVoiceOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new VoicePromptRenderer(
            sp.GetRequiredService<IOptions<EdgeVoiceOptions>>().Value,
            sp.GetService<ILogger<VoicePromptRenderer>>()));
        services.AddSingleton<VoiceOutput>(sp =>
        {
            var device = sp.GetRequiredService<IOptions<EdgeVoiceOptions>>().Value.Device;
            if (!device.StartsWith(EdgeVoiceOptions.FileDevicePrefix, StringComparison.Ordinal))
            {
                return new AlsaVoiceOutput(device);
            }

            var folder = device[EdgeVoiceOptions.FileDevicePrefix.Length..];
            Directory.CreateDirectory(folder);
            return new WavFileVoiceOutput(folder);
        });
        services.AddSingleton(sp => new VoicePlayer(
            sp.GetRequiredService<IOptions<EdgeVoiceOptions>>().Value,
            sp.GetRequiredService<VoicePromptRenderer>(),
            sp.GetRequiredService<VoiceOutput>(),
            sp.GetService<ILogger<VoicePlayer>>()));
        if (warmupAfter is { } delay)
        {
            services.AddHostedService(sp => new VoicePromptWarmup(
                sp.GetRequiredService<IOptions<EdgeVoiceOptions>>(),
                sp.GetRequiredService<VoicePromptRenderer>(),
                sp.GetRequiredService<ILogger<VoicePromptWarmup>>(),
                sp.GetRequiredService<TimeProvider>(),
                delay,
                sp.GetService<IReceptionStatus>()));
        }

        return builder;
    }
}
