using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Controls;
using TiepCongDan.Edge.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wires the button panel into the edge's host (in the namespace callers already import).</summary>
public static class ButtonPanelHostingExtensions
{
    /// <summary>
    /// Validated "Edge:Buttons" options always (a wrong pin map stops the unit at boot with the
    /// map's own sentence); the panel (<see cref="ButtonPanelHost"/> and its <see cref="ButtonPanel"/>)
    /// only when Edge:Buttons:Enabled is not false.
    /// </summary>
    public static IHostApplicationBuilder AddButtonPanel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var section = builder.Configuration.GetSection(EdgeButtonsOptions.SectionName);
        services.AddOptions<EdgeButtonsOptions>()
            .Bind(section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EdgeButtonsOptions>, EdgeButtonsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        if (section.GetValue<bool?>(nameof(EdgeButtonsOptions.Enabled)) ?? true)
        {
            services.AddSingleton<ButtonPanelHost>();
            services.AddSingleton(sp => sp.GetRequiredService<ButtonPanelHost>().Panel);
        }

        return builder;
    }
}
