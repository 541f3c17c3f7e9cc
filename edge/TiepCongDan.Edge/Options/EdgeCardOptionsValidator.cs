using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Card.Authenticity;

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

        if (!string.IsNullOrWhiteSpace(options.CscaDirectory))
        {
            if (!Directory.Exists(options.CscaDirectory))
            {
                failures.Add($"Edge:Card:CscaDirectory '{options.CscaDirectory}' does not exist: install the CSCA certificates there or leave it empty (authenticity is then at best \"unknown issuer\").");
            }
            else
            {
                ValidateTrustStore(options.CscaDirectory, failures);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>A damaged CSCA file would make every genuine card "unknown issuer": refuse to start instead.</summary>
    private static void ValidateTrustStore(string directory, List<string> failures)
    {
        try
        {
            using var store = CscaTrustStore.LoadFromDirectory(directory);
            if (store.Certificates.Count == 0)
            {
                failures.Add($"Edge:Card:CscaDirectory '{directory}' holds no *.pem, *.crt, *.cer or *.der certificate: install the CSCA certificates or leave the setting empty.");
            }
        }
        catch (SecurityObjectException ex)
        {
            failures.Add($"Edge:Card:CscaDirectory: {ex.Message}");
        }
        catch (IOException ex)
        {
            failures.Add($"Edge:Card:CscaDirectory '{directory}' cannot be read: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            failures.Add($"Edge:Card:CscaDirectory '{directory}' cannot be read: {ex.Message}");
        }
    }
}
