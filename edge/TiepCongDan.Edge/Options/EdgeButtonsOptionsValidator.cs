using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Controls;

namespace TiepCongDan.Edge.Options;

/// <summary>Checks "Edge:Buttons" at start, pin map included: one sentence per mistake, naming the key, for a technician at a commune office.</summary>
public sealed partial class EdgeButtonsOptionsValidator : IValidateOptions<EdgeButtonsOptions>
{
    public ValidateOptionsResult Validate(string? name, EdgeButtonsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.DebounceMs is < 1 or > 200)
        {
            failures.Add($"Edge:Buttons:DebounceMs is {options.DebounceMs}: use 1 to 200 milliseconds (30 suits ordinary push buttons).");
        }

        if (options.LongPressMs is < 1000 or > 10000)
        {
            failures.Add($"Edge:Buttons:LongPressMs is {options.LongPressMs}: use 1000 to 10000 milliseconds (3000: the staff holds the button 3 s to end a session).");
        }

        if (options.StuckSeconds is < 5 or > 3600)
        {
            failures.Add($"Edge:Buttons:StuckSeconds is {options.StuckSeconds}: use 5 to 3600 seconds.");
        }
        else if (options.StuckSeconds * 1000L <= options.LongPressMs)
        {
            failures.Add($"Edge:Buttons:StuckSeconds ({options.StuckSeconds} s) must be longer than LongPressMs ({options.LongPressMs} ms), or every long press would raise a stuck-button alarm.");
        }

        if (options.GpioChip is < 0 or > 63)
        {
            failures.Add($"Edge:Buttons:GpioChip is {options.GpioChip}: use the N of /dev/gpiochipN (see `gpiodetect`), or leave it empty for the pin map's chip.");
        }

        if (string.IsNullOrWhiteSpace(options.PinMapFile) && !BoardName().IsMatch(options.Board ?? string.Empty))
        {
            failures.Add($"Edge:Buttons:Board '{options.Board}' is not a board name: use a file name from {options.BoardsDirectory} without .json, e.g. raspberry-pi-4.");
        }
        else
        {
            try
            {
                _ = options.LoadPinMap();
            }
            catch (PinMapException ex)
            {
                failures.Add($"Edge:Buttons: {ex.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex BoardName();
}
