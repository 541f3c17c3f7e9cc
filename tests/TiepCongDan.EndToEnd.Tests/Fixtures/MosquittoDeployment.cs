using System.Security.Cryptography;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// The Mosquitto files for a fleet, written by the product itself: `tcd-hub mosquitto-config`
/// (mosquitto.conf with the listener, the hashed password file with the hub account and every
/// kiosk, the Sparkplug ACL). The fleet secret is written first so the test can derive passwords.
/// </summary>
public sealed class MosquittoDeployment : IAsyncDisposable
{
    private readonly TempDirectory _directory;

    private MosquittoDeployment(TempDirectory directory, string secretFile, string configFolder, int port, string hubUsername, string hubPassword)
    {
        _directory = directory;
        SecretFile = secretFile;
        ConfigFolder = configFolder;
        Port = port;
        HubUsername = hubUsername;
        HubPassword = hubPassword;
    }

    public string SecretFile { get; }

    /// <summary>The folder holding the generated mosquitto.conf, acl, passwd and hub-password.</summary>
    public string ConfigFolder { get; }

    public int Port { get; }

    public string HubUsername { get; }

    public string HubPassword { get; }

    public static async Task<MosquittoDeployment> GenerateAsync(IReadOnlyList<string> kiosks, CancellationToken cancellationToken)
    {
        var directory = new TempDirectory("mosquitto-deploy");
        try
        {
            var dataDirectory = Directory.CreateDirectory(directory.Combine("hub-data")).FullName;
            var secret = FleetSecret.Create(Path.Combine(dataDirectory, "fleet-device-secret"));
            var configFolder = directory.Combine("mosquitto");
            const string HubUser = "tcd-hub";
            var hubPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var port = FreePort.Next();
            await using var cli = ChildProcess.StartDotnet("tcd-hub mosquitto-config", BuiltPrograms.Hub,
            [
                "mosquitto-config", "--out", configFolder, "--data-dir", dataDirectory, "--kiosks", string.Join(',', kiosks),
                "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                "--hub-user", HubUser, "--hub-password", hubPassword,
            ]);
            if (!await cli.WaitForExitAsync(TimeSpan.FromSeconds(30), cancellationToken) || cli.ExitCode != 0)
            {
                throw new InvalidOperationException("tcd-hub mosquitto-config failed.\n" + cli.Describe());
            }

            return new MosquittoDeployment(directory, secret.FilePath, configFolder, port, HubUser, hubPassword);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Adds an account that may read the whole Sparkplug namespace (an independent observer for a
    /// test) to the generated password file and ACL, leaving everything the product wrote as it is.
    /// </summary>
    public async Task AddReaderAsync(string user, string password, CancellationToken cancellationToken)
    {
        MosquittoProcess.EnsureInstalled();
        await File.AppendAllTextAsync(Path.Combine(ConfigFolder, "acl"), $"\nuser {user}\ntopic read spBv1.0/#\n", cancellationToken);
        await using var passwd = ChildProcess.Start("mosquitto_passwd", MosquittoProcess.PasswdTool,
            ["-b", Path.Combine(ConfigFolder, "passwd"), user, password]);
        if (!await passwd.WaitForExitAsync(TimeSpan.FromSeconds(30), cancellationToken) || passwd.ExitCode != 0)
        {
            throw new InvalidOperationException("mosquitto_passwd -b failed.\n" + passwd.Describe());
        }
    }

    public ValueTask DisposeAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
