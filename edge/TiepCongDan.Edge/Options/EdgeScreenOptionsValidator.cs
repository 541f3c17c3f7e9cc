using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Screen;

namespace TiepCongDan.Edge.Options;

/// <summary>Checks "Edge:Screen" at start: one sentence per mistake, naming the key, for a technician at a commune office.</summary>
public sealed partial class EdgeScreenOptionsValidator : IValidateOptions<EdgeScreenOptions>
{
    public ValidateOptionsResult Validate(string? name, EdgeScreenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every mistake in <paramref name="options"/>, whether or not the screen is enabled (the server checks itself with it).</summary>
    internal static List<string> Failures(EdgeScreenOptions options)
    {
        var failures = new List<string>();
        if (options.Address != EdgeScreenOptions.LoopbackAddress)
        {
            failures.Add($"Edge:Screen:Address is '{options.Address}': the kiosk page is served on {EdgeScreenOptions.LoopbackAddress} only (it shows the citizen's name and must not be reachable from the network); remove the setting.");
        }

        if (options.Port is < 1024 or > 65535)
        {
            failures.Add($"Edge:Screen:Port is {options.Port}: use 1024 to 65535 (the browser opens http://127.0.0.1:PORT/).");
        }

        if (options.IdleOffSeconds is < 10 or > 86400)
        {
            failures.Add($"Edge:Screen:IdleOffSeconds is {options.IdleOffSeconds}: use 10 to 86400 seconds (300: the display goes dark after five idle minutes).");
        }

        if (!KioskScreenLanguages.IsKnown(options.Language))
        {
            failures.Add($"Edge:Screen:Language is '{options.Language}': use vi (Vietnamese) or en (English).");
        }

        if (!DisplayPowerSinks.Kinds.Contains(options.DisplayPower ?? string.Empty))
        {
            failures.Add($"Edge:Screen:DisplayPower is '{options.DisplayPower}': use one of {string.Join(", ", DisplayPowerSinks.Kinds)}.");
        }

        if (options.DisplayPower == DisplayPowerSinks.WlrRandr && !OutputName().IsMatch(options.DisplayOutput ?? string.Empty))
        {
            failures.Add($"Edge:Screen:DisplayOutput is '{options.DisplayOutput}': use an output name as `wlr-randr` lists it, e.g. HDMI-A-1.");
        }

        return failures;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$")]
    private static partial Regex OutputName();
}
