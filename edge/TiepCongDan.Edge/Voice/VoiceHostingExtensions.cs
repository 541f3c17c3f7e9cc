using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Voice;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wires the spoken guidance into the edge's host (in the namespace callers already import).</summary>
public static class VoiceHostingExtensions
{
    /// <summary>
    /// Validated "Edge:Voice" options (a wrong volume or device stops the unit at boot), the
    /// <see cref="VoicePromptRenderer"/>, a <see cref="VoicePlayer"/> to the configured ALSA device,
    /// and <see cref="VoicePromptWarmup"/>, which renders every prompt into the cache at start.
    /// A disabled voice still registers the player: it answers every request with Suppressed.
    /// </summary>
    public static IHostApplicationBuilder AddVoice(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<EdgeVoiceOptions>()
            .Bind(builder.Configuration.GetSection(EdgeVoiceOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EdgeVoiceOptions>, EdgeVoiceOptionsValidator>();
        services.AddSingleton(sp => new VoicePromptRenderer(
            sp.GetRequiredService<IOptions<EdgeVoiceOptions>>().Value,
            sp.GetService<ILogger<VoicePromptRenderer>>()));
        services.AddSingleton<VoiceOutput>(sp => new AlsaVoiceOutput(sp.GetRequiredService<IOptions<EdgeVoiceOptions>>().Value.Device));
        services.AddSingleton(sp => new VoicePlayer(
            sp.GetRequiredService<IOptions<EdgeVoiceOptions>>().Value,
            sp.GetRequiredService<VoicePromptRenderer>(),
            sp.GetRequiredService<VoiceOutput>(),
            sp.GetService<ILogger<VoicePlayer>>()));
        services.AddHostedService<VoicePromptWarmup>();
        return builder;
    }
}
