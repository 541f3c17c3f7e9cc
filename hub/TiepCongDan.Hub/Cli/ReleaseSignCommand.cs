using TiepCongDan.Contracts.Releases;
using TiepCongDan.Hub.Provisioning;

namespace TiepCongDan.Hub.Cli;

/// <summary>
/// tcd-hub release sign DIR: signs an edge release folder's SHA256SUMS with the fleet CA (the
/// kiosks' trust anchor since first boot) into SHA256SUMS.sig, so `tcd-edge update install`
/// accepts it. The folder must already hold VERSION and SHA256SUMS (tcd-edge update pack).
/// </summary>
public static class ReleaseSignCommand
{
    public const string Usage = """
          tcd-hub release sign <DIR> [--data-dir D] [--ca-cert PEM --ca-key PEM]
                                                      sign an edge release (its SHA256SUMS) with the fleet CA
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (options, positional) = CliRunner.Parse(args);
        if (positional.Count != 1)
        {
            stderr.WriteLine("usage:" + Environment.NewLine + Usage);
            return CliRunner.ExitUsage;
        }

        var directory = positional[0];
        var manifest = Path.Combine(directory, "SHA256SUMS");
        if (!File.Exists(manifest) || !File.Exists(Path.Combine(directory, "VERSION")))
        {
            stderr.WriteLine($"tcd-hub release sign: {directory} has no SHA256SUMS or VERSION; make them with `tcd-edge update pack {directory} VERSION` first.");
            return CliRunner.ExitUsage;
        }

        var dataDirectory = CliRunner.DataDirectory(options);
        var certificatePath = options.GetValueOrDefault("ca-cert") ?? Path.Combine(dataDirectory, FleetCertificateAuthority.CertificateFileName);
        var keyPath = options.GetValueOrDefault("ca-key") ?? Path.Combine(dataDirectory, FleetCertificateAuthority.KeyFileName);
        if (!File.Exists(certificatePath) || !File.Exists(keyPath))
        {
            // Signing must never make a new CA: no kiosk would trust it.
            stderr.WriteLine($"tcd-hub release sign: no fleet CA at {certificatePath} / {keyPath} (give --data-dir or --ca-cert/--ca-key).");
            return CliRunner.ExitConfig;
        }

        using var ca = FleetCertificateAuthority.LoadOrCreate(certificatePath, keyPath, TimeProvider.System);
        var signature = ReleaseSignature.Sign(File.ReadAllBytes(manifest), ca.Certificate);
        var target = Path.Combine(directory, "SHA256SUMS.sig");
        File.WriteAllBytes(target + ".tmp", signature);
        File.Move(target + ".tmp", target, overwrite: true);
        stdout.WriteLine($"signed {manifest} with {ca.Certificate.Subject}: {target}");
        return 0;
    }
}
