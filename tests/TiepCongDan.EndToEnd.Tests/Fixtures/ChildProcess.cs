using System.Collections.Concurrent;
using System.Diagnostics;

namespace TiepCongDan.EndToEnd.Tests.Fixtures;

/// <summary>
/// A program the tests start as its own OS process (as on real hardware). Keeps its recent
/// output for failure messages and is always stopped by PID: on dispose, and, should the test
/// host itself exit, from a ProcessExit hook, so no kiosk or broker outlives the test run.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<int, ChildProcess> Live = new();
    private readonly Process _process;

    static ChildProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var pid in Live.Keys)
            {
                PosixSignals.Send(pid, PosixSignals.SigKill);
            }
        };
    }

    private ChildProcess(string name, Process process, OutputRingBuffer output)
    {
        Name = name;
        _process = process;
        Output = output;
        Pid = process.Id;
    }

    public string Name { get; }

    public int Pid { get; }

    public OutputRingBuffer Output { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The dotnet host that runs the test (the SDK sets DOTNET_HOST_PATH), else dotnet on PATH.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static ChildProcess StartDotnet(string name, string dllPath, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null) =>
        Start(name, DotnetHost, [dllPath, .. arguments], environment, workingDirectory);

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // A child must not inherit the test host's settings for its own program.
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        var output = new OutputRingBuffer();
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Append(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Append("[stderr] " + e.Data);
            }
        };
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {name}: {fileName}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var child = new ChildProcess(name, process, output);
        Live[child.Pid] = child;
        return child;
    }

    /// <summary>
    /// A `bash -c` script that raises the open-files limit (to <paramref name="limit"/>, or to the hard
    /// limit when that is lower) and then execs "$0" "$@", so the PID stays the program's own.
    /// </summary>
    public static string RaiseOpenFilesThenExec(int limit) =>
        $"ulimit -n {limit} 2>/dev/null || ulimit -n \"$(ulimit -Hn)\"; exec \"$0\" \"$@\"";

    /// <summary>SIGKILL by PID: the process gets no chance to say goodbye (its MQTT Will fires).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            PosixSignals.Send(Pid, PosixSignals.SigKill);
        }
    }

    /// <summary>
    /// SIGSTOP by PID: the process freezes with its sockets open, like a kiosk whose network cable
    /// was pulled; only the broker's keepalive can notice. SIGKILL still ends it.
    /// </summary>
    public void Freeze()
    {
        if (!_process.HasExited)
        {
            PosixSignals.Send(Pid, PosixSignals.SigStop);
        }
    }

    /// <summary>SIGTERM by PID: a clean shutdown request.</summary>
    public void Terminate()
    {
        if (!_process.HasExited)
        {
            PosixSignals.Send(Pid, PosixSignals.SigTerm);
        }
    }

    /// <summary>Waits for exit; true when it exited within the timeout.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            // The parameterless wait also drains the redirected output, so failure messages are complete.
            _process.WaitForExit();
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>SIGTERM, then SIGKILL if it has not exited within the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        Terminate();
        if (!await WaitForExitAsync(grace))
        {
            Kill();
            await WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        Live.TryRemove(Pid, out _);
    }

    /// <summary>SIGKILL and wait until the kernel has reaped it.</summary>
    public async Task KillAndWaitAsync()
    {
        Kill();
        await WaitForExitAsync(TimeSpan.FromSeconds(10));
        Live.TryRemove(Pid, out _);
    }

    /// <summary>The last lines of output, for an assertion message.</summary>
    public string Describe() =>
        $"--- {Name} (pid {Pid}{(HasExited ? $", exited {ExitCode}" : ", running")}) last output ---\n{Output}\n--- end {Name} ---";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAndWaitAsync();
        }

        Live.TryRemove(Pid, out _);
        _process.Dispose();
    }
}
