using Microsoft.Extensions.Options;

namespace TiepCongDan.Hub.Reports;

/// <summary>A typo'd reception schedule stops the hub at start with a sentence naming the key.</summary>
public sealed class ReportOptionsValidator : IValidateOptions<ReportOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            _ = ReceptionSchedule.From(options);
            return ValidateOptionsResult.Success;
        }
        catch (FormatException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
