using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Media.Session;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Reception.Ports;

namespace TiepCongDan.Edge.Commands;

/// <summary>Wires remote commands ("Edge:Commands", validated at start) into the kiosk's host.</summary>
public static class RemoteCommandsHostingExtensions
{
    /// <summary>Call before the node's hosted service is added (so the runner is attached before it connects). Twice adds nothing.</summary>
    public static IHostApplicationBuilder AddRemoteCommands(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(RemoteCommandRunner)))
        {
            return builder;
        }

        services.AddOptions<EdgeCommandOptions>()
            .Bind(builder.Configuration.GetSection(EdgeCommandOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EdgeCommandOptions>>(new ProblemsValidator());
        services.AddSingleton(sp =>
        {
            var edge = sp.GetRequiredService<IOptions<EdgeOptions>>().Value;
            return new RemoteCommandRunner(
                edge,
                sp.GetRequiredService<IOptions<EdgeCommandOptions>>().Value,
                sp,
                edge.Media.Enabled ? sp.GetRequiredService<MediaService>() : null,
                sp.GetService<IReceptionStatus>(),
                new CommandHubClient(MediaSettingsFactory.Uploader(edge)),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RemoteCommandRunner).FullName!));
        });
        services.AddHostedService<RemoteCommandsService>();
        return builder;
    }

    private sealed class ProblemsValidator : IValidateOptions<EdgeCommandOptions>
    {
        public ValidateOptionsResult Validate(string? name, EdgeCommandOptions options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
