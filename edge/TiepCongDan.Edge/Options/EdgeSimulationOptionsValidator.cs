using Microsoft.Extensions.Options;

namespace TiepCongDan.Edge.Options;

/// <summary>Checks "Edge:Simulation" at start: one sentence per mistake, naming the key.</summary>
public sealed class EdgeSimulationOptionsValidator : IValidateOptions<EdgeSimulationOptions>
{
    public ValidateOptionsResult Validate(string? name, EdgeSimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every mistake, enabled or not (the server checks itself with it).</summary>
    internal static List<string> Failures(EdgeSimulationOptions options)
    {
        var failures = new List<string>();
        if (options.Address != EdgeSimulationOptions.LoopbackAddress)
        {
            failures.Add($"Edge:Simulation:Address is '{options.Address}': the simulation console listens on {EdgeSimulationOptions.LoopbackAddress} only (it can present cards and press buttons, so the network must not reach it); remove the setting.");
        }

        if (options.Port is < 1024 or > 65535)
        {
            failures.Add($"Edge:Simulation:Port is {options.Port}: use 1024 to 65535 (`tcd-edge sim --port` must match).");
        }

        return failures;
    }
}
