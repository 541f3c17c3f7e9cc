using Microsoft.Extensions.Options;

namespace TiepCongDan.Edge.Options;

/// <summary>Checks "Edge:Reception" at start: one sentence per mistake, naming the key, for a technician at a commune office.</summary>
public sealed class EdgeReceptionOptionsValidator : IValidateOptions<EdgeReceptionOptions>
{
    public ValidateOptionsResult Validate(string? name, EdgeReceptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        foreach (var (key, value, min, max) in new[]
        {
            (nameof(options.CitizenPresentSeconds), options.CitizenPresentSeconds, 5, 3600),
            (nameof(options.IdentifiedSeconds), options.IdentifiedSeconds, 5, 3600),
            (nameof(options.ConnectingSeconds), options.ConnectingSeconds, 5, 600),
            (nameof(options.EndingSeconds), options.EndingSeconds, 5, 600),
            (nameof(options.RatingSeconds), options.RatingSeconds, 5, 600),
            (nameof(options.ErrorDisplaySeconds), options.ErrorDisplaySeconds, 1, 600),
        })
        {
            if (value < min || value > max)
            {
                failures.Add($"Edge:Reception:{key} is {value}: use {min} to {max} seconds.");
            }
        }

        if (options.LiveCheckIntervalMs is < 50 or > 5000)
        {
            failures.Add($"Edge:Reception:LiveCheckIntervalMs is {options.LiveCheckIntervalMs}: use 50 to 5000 ms (250 notices a dropped link within a quarter second).");
        }

        if (options.VoiceWarmupDelaySeconds is < 0 or > 86400)
        {
            failures.Add($"Edge:Reception:VoiceWarmupDelaySeconds is {options.VoiceWarmupDelaySeconds}: use 0 (no background rendering) to 86400 seconds.");
        }

        if (options.Staff is { Length: > 100 })
        {
            failures.Add("Edge:Reception:Staff is longer than 100 characters: give the staff member's name as the register writes it.");
        }

        if (options.Staff is { } staff && staff.Any(char.IsDigit))
        {
            failures.Add("Edge:Reception:Staff contains digits: give the staff member's name only (no ID or phone number).");
        }

        if (!string.IsNullOrWhiteSpace(options.QrScannerDevice) && !Path.IsPathFullyQualified(options.QrScannerDevice))
        {
            failures.Add($"Edge:Reception:QrScannerDevice '{options.QrScannerDevice}' must be an absolute path, e.g. /dev/input/by-id/usb-...-event-kbd.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
