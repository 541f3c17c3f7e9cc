using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Broker;
using TiepCongDan.Hub.Options;

namespace TiepCongDan.Hub.Cli;

/// <summary>
/// tcd-hub kiosk password ID and tcd-hub kiosk srt-passphrase ID: the kiosk's MQTT password and
/// SRT passphrase, both derived from the fleet secret, for the kiosk's provisioning bundle.
/// </summary>
public static class KioskPasswordCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool srt = false)
    {
        var (options, positional) = CliRunner.Parse(args);
        if (positional.Count != 1 || !KioskId.IsValid(positional[0]))
        {
            stderr.WriteLine($"tcd-hub kiosk {(srt ? "srt-passphrase" : "password")}: give one kiosk id like 14-04171.");
            return CliRunner.ExitUsage;
        }

        var secret = FleetSecret.LoadOrCreate(new FleetOptions().DeviceSecretPath(CliRunner.DataDirectory(options)));
        stdout.WriteLine(srt
            ? Contracts.Media.MediaCredentials.DeriveSrtPassphrase(secret.Bytes, positional[0])
            : DeviceCredentials.DerivePassword(secret.Bytes, positional[0]));
        return 0;
    }
}
