using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Broker;
using TiepCongDan.Hub.Options;

namespace TiepCongDan.Hub.Cli;

/// <summary>tcd-hub kiosk password ID: what a technician puts into the kiosk's configuration.</summary>
public static class KioskPasswordCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (options, positional) = CliRunner.Parse(args);
        if (positional.Count != 1 || !KioskId.IsValid(positional[0]))
        {
            stderr.WriteLine("tcd-hub kiosk password: give one kiosk id like 14-04171.");
            return CliRunner.ExitUsage;
        }

        var secret = FleetSecret.LoadOrCreate(new FleetOptions().DeviceSecretPath(CliRunner.DataDirectory(options)));
        stdout.WriteLine(DeviceCredentials.DerivePassword(secret.Bytes, positional[0]));
        return 0;
    }
}
