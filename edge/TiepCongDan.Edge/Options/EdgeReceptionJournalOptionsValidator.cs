using Microsoft.Extensions.Options;

namespace TiepCongDan.Edge.Options;

/// <summary>Checks "Edge:ReceptionJournal" at start so a wrong value stops the unit with a sentence a technician understands.</summary>
internal sealed class EdgeReceptionJournalOptionsValidator : IValidateOptions<EdgeReceptionJournalOptions>
{
    public ValidateOptionsResult Validate(string? name, EdgeReceptionJournalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Retention < TimeSpan.FromHours(1) || options.Retention > TimeSpan.FromDays(365))
        {
            return ValidateOptionsResult.Fail(
                $"Edge:ReceptionJournal:Retention is {options.Retention}: keep acknowledged events between 01:00:00 (one hour) and 365.00:00:00 (a year); the default is 7.00:00:00.");
        }

        return ValidateOptionsResult.Success;
    }
}
