using System.Net.Sockets;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// Debian's Mosquitto running the files `tcd-hub mosquitto-config` wrote (see
/// <see cref="MosquittoDeployment"/>), stopped and started again on the same port by the tests.
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
