using Microsoft.Extensions.Options;

namespace TiepCongDan.Hub.Commands;

/// <summary>Checks "Hub:Commands" at start, with the sentence a technician needs.</summary>
public sealed class CommandOptionsValidator : IValidateOptions<CommandOptions>
{
    public ValidateOptionsResult Validate(string? name, CommandOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.TimeoutSeconds is < 1 or > 86_400)
        {
            errors.Add($"Hub:Commands:TimeoutSeconds is {options.TimeoutSeconds}: use 1 to 86400 (default 120).");
        }

        if (options.SlowTimeoutSeconds < options.TimeoutSeconds || options.SlowTimeoutSeconds > 86_400)
        {
            errors.Add($"Hub:Commands:SlowTimeoutSeconds is {options.SlowTimeoutSeconds}: use TimeoutSeconds to 86400 (default 900).");
        }

        if (options.ArtifactRetentionHours is <= 0 or > 24 * 90)
        {
            errors.Add($"Hub:Commands:ArtifactRetentionHours is {options.ArtifactRetentionHours}: use more than 0 and at most 2160 (default 24).");
        }

        if (options.SweepIntervalMs is < 50 or > 60_000)
        {
            errors.Add($"Hub:Commands:SweepIntervalMs is {options.SweepIntervalMs}: use 50 to 60000 (default 1000).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
