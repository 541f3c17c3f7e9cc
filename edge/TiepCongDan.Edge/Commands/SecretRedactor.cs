using Microsoft.Extensions.Configuration;

namespace TiepCongDan.Edge.Commands;

/// <summary>
/// Takes secrets out of what a log bundle carries: the value of every setting named like a secret
/// (password, passphrase, secret, token, private key, PIN, CAN; not the *File / *Path settings that
/// only say where one is), and every known secret's text wherever it appears (journal, log files).
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "***";

    private static readonly string[] SecretWords = ["password", "passphrase", "secret", "token", "privatekey", "apikey"];

    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string?> secrets) =>
        _secrets = [.. secrets.Where(s => !string.IsNullOrWhiteSpace(s) && s.Trim().Length >= 4).Select(s => s!.Trim()).Distinct().OrderByDescending(s => s.Length)];

    /// <summary>The redactor for a configuration: its secret-named values and the files of the kiosk's secrets (<paramref name="secretFiles"/>).</summary>
    public static SecretRedactor For(IConfiguration configuration, IEnumerable<string?> secretFiles)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var secrets = configuration.AsEnumerable().Where(p => IsSecretKey(p.Key)).Select(p => p.Value).ToList();
        foreach (var file in secretFiles)
        {
            try
            {
                if (!string.IsNullOrWhiteSpace(file) && File.Exists(file))
                {
                    secrets.AddRange(File.ReadAllLines(file));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Unreadable for us: then it is not in what we read either.
            }
        }

        return new SecretRedactor(secrets);
    }

    public static bool IsSecretKey(string key)
    {
        var name = key[(key.LastIndexOf(':') + 1)..];
        if (name.EndsWith("File", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Path", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var lower = name.ToLowerInvariant();
        return SecretWords.Any(lower.Contains) || lower is "key" or "pin" or "can";
    }

    public string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>"key = value" per setting of <paramref name="section"/>, sorted, secrets masked.</summary>
    public string Describe(IConfiguration configuration, string section)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var lines = configuration.GetSection(section).AsEnumerable()
            .Where(p => p.Value is not null)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key} = {(IsSecretKey(p.Key) ? Mask : Scrub(p.Value!))}");
        return string.Join('\n', lines) + "\n";
    }
}
