using TiepCongDan.Hub.Options;

namespace TiepCongDan.Hub.Bridge;

/// <summary>A configured reception point with its passphrase read (from the file when so configured).</summary>
public sealed class ReceptionPoint
{
    private ReceptionPoint(ReceptionPointOptions options, string passphrase)
    {
        Options = options;
        Passphrase = passphrase;
    }

    public ReceptionPointOptions Options { get; }

    public string Id => Options.Id;

    public string Name => Options.Name;

    public bool IsCaller => Options.Mode == "caller";

    public string Passphrase { get; }

    /// <summary>True when sessions of <paramref name="province"/> go to this point ("*" takes every province).</summary>
    public bool Serves(string province) => Options.Provinces.Exists(p => p == "*" || string.Equals(p, province, StringComparison.Ordinal));

    /// <exception cref="InvalidOperationException">No usable passphrase (the options validator normally catches this at start).</exception>
    public static ReceptionPoint From(ReceptionPointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var passphrase = options.Passphrase;
        if (string.IsNullOrEmpty(passphrase) && !string.IsNullOrWhiteSpace(options.PassphraseFile))
        {
            passphrase = File.ReadLines(options.PassphraseFile).FirstOrDefault()?.Trim();
        }

        return passphrase is { Length: >= 10 and <= 79 }
            ? new ReceptionPoint(options, passphrase)
            : throw new InvalidOperationException($"Reception point {options.Id}: no passphrase of 10-79 characters (Passphrase or PassphraseFile).");
    }
}
