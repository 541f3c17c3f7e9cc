using Microsoft.Extensions.Options;
using TiepCongDan.Hub.Options;

namespace TiepCongDan.Hub.Cli;

/// <summary>
/// tcd-hub [serve] | kiosk password|srt-passphrase ID [--data-dir D] | mosquitto-config --out DIR [...].
/// Exit codes: 0 ok, 2 usage, 78 configuration error (EX_CONFIG, so systemd shows it as such).
/// </summary>
public static class CliRunner
{
    public const int ExitUsage = 2;
    public const int ExitConfig = 78;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var isOption = args.Length == 0 || (args[0].StartsWith('-') && args[0] is not ("--help" or "-h"));
        var command = isOption ? "serve" : args[0];
        var rest = isOption ? args : args[1..];
        try
        {
            switch (command)
            {
                case "serve":
                    return await ServeAsync(rest, stderr);
                case "user":
                    return await UserCommand.RunAsync(rest, stdout, stderr);
                case "audit":
                    return AuditCommand.Run(rest, stdout, stderr);
                case "kiosk" when rest.Length >= 2 && rest[0] == "password":
                    return KioskPasswordCommand.Run(rest[1..], stdout, stderr);
                case "kiosk" when rest.Length >= 2 && rest[0] == "revoke":
                    return await KioskRevokeCommand.RunAsync(rest[1..], stdout, stderr);
                case "provision":
                    return await ProvisionCommand.RunAsync(rest, stdout, stderr);
                case "kiosk" when rest.Length >= 2 && rest[0] == "srt-passphrase":
                    return KioskPasswordCommand.Run(rest[1..], stdout, stderr, srt: true);
                case "archive":
                    return await Archive.ArchiveCommand.RunAsync(rest, stdout, stderr);
                case "release" when rest.Length >= 1 && rest[0] == "sign":
                    return ReleaseSignCommand.Run(rest[1..], stdout, stderr);
                case "mosquitto-config":
                    return MosquittoConfigCommand.Run(rest, stdout, stderr);
                case "help" or "--help" or "-h":
                    stdout.WriteLine(Usage);
                    return 0;
                default:
                    stderr.WriteLine(Usage);
                    return ExitUsage;
            }
        }
        catch (HubConfigurationException ex)
        {
            stderr.WriteLine("tcd-hub: configuration error: " + ex.Message);
            return ExitConfig;
        }
        catch (OptionsValidationException ex)
        {
            stderr.WriteLine("tcd-hub: configuration error: " + string.Join(" ", ex.Failures));
            return ExitConfig;
        }
    }

    private static async Task<int> ServeAsync(string[] args, TextWriter stderr)
    {
        var builder = HubApp.CreateBuilder(args);
        await using var app = HubApp.Build(builder);
        try
        {
            await app.RunAsync();
        }
        catch (IOException ex)
        {
            stderr.WriteLine("tcd-hub: cannot listen: " + ex.Message + " (another program uses the port? change Hub:Http:Urls or Hub:Mqtt:Embedded:Port)");
            return 1;
        }

        return 0;
    }

    public const string Usage = $"""
        usage:
          tcd-hub [serve] [--Hub:Key=value ...]        run the hub (see hub/README.md for every key)
        {UserCommand.Usage}
        {AuditCommand.Usage}
          tcd-hub kiosk password <kioskId> [--data-dir D]
                                                      print the kiosk's MQTT password (derived from the fleet secret)
          tcd-hub kiosk srt-passphrase <kioskId> [--data-dir D]
                                                      print the kiosk's SRT passphrase (derived the same way)
          tcd-hub mosquitto-config --out DIR [--data-dir D] [--kiosks ID,ID] [--port N] [--bind ADDR]
                                   [--hub-user U] [--hub-password P]
                                                      write mosquitto.conf, acl and passwd for External mode
        """ + "\n" + ProvisionCommand.Usage + "\n" + Archive.ArchiveCommand.Usage + "\n" + ReleaseSignCommand.Usage;

    /// <summary>Reads "--name value" options; positional words are returned in order.</summary>
    internal static (Dictionary<string, string> Options, List<string> Positional) Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var eq = args[i].IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    options[args[i][2..eq]] = args[i][(eq + 1)..];
                }
                else if (i + 1 < args.Length)
                {
                    options[args[i][2..]] = args[++i];
                }
                else
                {
                    options[args[i][2..]] = string.Empty;
                }
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        return (options, positional);
    }

    internal static string DataDirectory(Dictionary<string, string> options) =>
        Path.GetFullPath(options.GetValueOrDefault("data-dir")
            ?? Environment.GetEnvironmentVariable("Hub__DataDirectory")
            ?? new HubOptions().DataDirectory);
}
