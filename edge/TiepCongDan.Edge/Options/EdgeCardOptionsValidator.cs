using Microsoft.Extensions.Options;

namespace TiepCongDan.Edge.Options;

/// <summary>Checks "Edge:Card" at start: one sentence per mistake, naming the key, for a technician at a commune office.</summary>
public sealed class EdgeCardOptionsValidator : IValidateOptions<EdgeCardOptions>
{
    public ValidateOptionsResult Validate(string? name, EdgeCardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ChunkSize is < 1 or > EdgeCardOptions.MaxChunkSize)
        {
            failures.Add($"Edge:Card:ChunkSize is {options.ChunkSize}: use 1 to {EdgeCardOptions.MaxChunkSize} (0xDF), readers without extended length fail on longer reads.");
        }

        if (options.ApduTimeoutMs is < 100 or > 60000)
        {
            failures.Add($"Edge:Card:ApduTimeoutMs is {options.ApduTimeoutMs}: use 100 to 60000 milliseconds.");
        }

        if (!string.IsNullOrWhiteSpace(options.CscaDirectory) && !Directory.Exists(options.CscaDirectory))
        {
            failures.Add($"Edge:Card:CscaDirectory '{options.CscaDirectory}' does not exist: install the CSCA certificates there or leave it empty (authenticity is then at best \"unknown issuer\").");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
