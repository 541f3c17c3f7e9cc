using System.Net.Sockets;
using System.Text;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// Debian's Mosquitto on a free loopback port with a password file and an ACL, no persistence.
/// The test (or benchmark) hands in the users and the ACL text; this writes the files and waits
/// until the port accepts connections.
/// </summary>
public sealed class MosquittoProcess : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/mosquitto";
    public const string PasswdTool = "/usr/bin/mosquitto_passwd";

    private readonly TempDirectory _directory;
    private readonly string _confFile;
    private readonly int? _openFilesLimit;

    private MosquittoProcess(TempDirectory directory, int port, string confFile, int? openFilesLimit)
    {
        _directory = directory;
        Port = port;
        _confFile = confFile;
        _openFilesLimit = openFilesLimit;
    }

    public int Port { get; }

    public ChildProcess Process { get; private set; } = null!;

    public string Directory => _directory.Path;

    public static void EnsureInstalled()
    {
        if (!File.Exists(Executable) || !File.Exists(PasswdTool))
        {
            throw new InvalidOperationException("install mosquitto: apt-get install mosquitto");
        }
    }

    /// <summary>
    /// Starts Mosquitto with a password file holding <paramref name="users"/> (hashed by mosquitto_passwd -U)
    /// and the given ACL file text; or, when <paramref name="prebuiltPasswordFile"/> is set, with that file as is.
    /// </summary>
    public static async Task<MosquittoProcess> StartAsync(IReadOnlyDictionary<string, string>? users, string aclText,
        string? prebuiltPasswordFile = null, int? openFilesLimit = null, CancellationToken cancellationToken = default)
    {
        EnsureInstalled();
        var directory = new TempDirectory("mosquitto");
        try
        {
            var passwordFile = prebuiltPasswordFile ?? directory.Combine("passwords");
            if (prebuiltPasswordFile is null)
            {
                await WritePasswordFileAsync(passwordFile, users ?? new Dictionary<string, string>(), cancellationToken);
            }

            var aclFile = directory.Combine("acl");
            await File.WriteAllTextAsync(aclFile, aclText, cancellationToken);
            File.SetUnixFileMode(aclFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

            var port = FreePort.Next();
            var conf = new StringBuilder()
                .AppendLine("# Written by the end-to-end tests; nothing here is kept.")
                .AppendLine("per_listener_settings false")
                .AppendLine($"listener {port} 127.0.0.1")
                .AppendLine("allow_anonymous false")
                .AppendLine($"password_file {passwordFile}")
                .AppendLine($"acl_file {aclFile}")
                .AppendLine("persistence false")
                // Run as the invoking user: the temp folder is private, Mosquitto's own user could not read it.
                .AppendLine("user root")
                .AppendLine("max_queued_messages 10000")
                .AppendLine("log_dest stdout")
                .AppendLine("log_type error")
                .AppendLine("log_type warning")
                .AppendLine("log_type notice")
                .ToString();
            return await StartFromConfAsync(directory, port, conf, openFilesLimit, cancellationToken);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts Mosquitto on the configuration `tcd-hub mosquitto-config` wrote into <paramref name="generatedFolder"/>
    /// (its listener, password file and ACL), adding only what a test run needs: run as the current
    /// user (the temp folder is private) and log to stdout.
    /// </summary>
    public static async Task<MosquittoProcess> StartGeneratedAsync(string generatedFolder, int port, int? openFilesLimit = null,
        CancellationToken cancellationToken = default)
    {
        EnsureInstalled();
        var directory = new TempDirectory("mosquitto");
        try
        {
            var conf = $"""
                user root
                log_dest stdout
                log_type error
                log_type warning
                log_type notice
                include_dir {generatedFolder}

                """;
            return await StartFromConfAsync(directory, port, conf, openFilesLimit, cancellationToken);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    private static async Task<MosquittoProcess> StartFromConfAsync(TempDirectory directory, int port, string conf, int? openFilesLimit,
        CancellationToken cancellationToken)
    {
        var confFile = directory.Combine("mosquitto.conf");
        await File.WriteAllTextAsync(confFile, conf, cancellationToken);
        var mosquitto = new MosquittoProcess(directory, port, confFile, openFilesLimit);
        try
        {
            await mosquitto.StartProcessAsync(cancellationToken);
        }
        catch
        {
            if (mosquitto.Process is not null)
            {
                await mosquitto.Process.DisposeAsync();
            }

            throw;
        }

        return mosquitto;
    }

    /// <summary>Writes "user:password" lines and lets mosquitto_passwd -U hash them all in one run.</summary>
    public static async Task WritePasswordFileAsync(string path, IReadOnlyDictionary<string, string> users, CancellationToken cancellationToken = default)
    {
        EnsureInstalled();
        await File.WriteAllLinesAsync(path, users.Select(u => $"{u.Key}:{u.Value}"), cancellationToken);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await using var passwd = ChildProcess.Start("mosquitto_passwd", PasswdTool, ["-U", path]);
        if (!await passwd.WaitForExitAsync(TimeSpan.FromMinutes(5), cancellationToken) || passwd.ExitCode != 0)
        {
            throw new InvalidOperationException($"mosquitto_passwd -U failed.\n{passwd.Describe()}");
        }
    }

    /// <summary>
    /// The Sparkplug ACL: the hub account reads and writes the whole namespace; each kiosk (user name =
    /// kiosk id) may publish only its own node and device topics and read only its own commands and STATE.
    /// </summary>
    public static string SparkplugAcl(string hubUser) => $"""
        user {hubUser}
        topic readwrite spBv1.0/#

        pattern write spBv1.0/+/NBIRTH/%u
        pattern write spBv1.0/+/NDEATH/%u
        pattern write spBv1.0/+/NDATA/%u
        pattern write spBv1.0/+/DBIRTH/%u/+
        pattern write spBv1.0/+/DDEATH/%u/+
        pattern write spBv1.0/+/DDATA/%u/+
        pattern read spBv1.0/+/NCMD/%u
        pattern read spBv1.0/+/DCMD/%u/+
        pattern read spBv1.0/STATE/+

        """;

    /// <summary>Starts (or starts again, same port and files) and waits until the port accepts connections.</summary>
    public async Task StartProcessAsync(CancellationToken cancellationToken = default)
    {
        if (Process is { HasExited: false })
        {
            throw new InvalidOperationException("mosquitto is already running.");
        }

        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        var process = _openFilesLimit is { } limit
            ? ChildProcess.Start("mosquitto", "/bin/bash", ["-c", ChildProcess.RaiseOpenFilesThenExec(limit), Executable, "-c", _confFile])
            : ChildProcess.Start("mosquitto", Executable, ["-c", _confFile]);
        Process = process;
        await Poll.UntilAsync(
            async ct =>
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"mosquitto exited with code {process.ExitCode}.\n{process.Describe()}");
                }

                using var tcp = new TcpClient();
                await tcp.ConnectAsync("127.0.0.1", Port, ct);
                return true;
            },
            TimeSpan.FromSeconds(15), "mosquitto to listen", process.Describe, TimeSpan.FromMilliseconds(100), cancellationToken);
    }

    /// <summary>SIGKILL: the broker vanishes (power cut, crash); clients see their connection drop.</summary>
    public async Task KillAsync()
    {
        if (Process is not null)
        {
            await Process.KillAndWaitAsync();
        }
    }

    public string Describe() => Process?.Describe() ?? "(mosquitto not started)";

    public async ValueTask DisposeAsync()
    {
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        _directory.Dispose();
    }
}
