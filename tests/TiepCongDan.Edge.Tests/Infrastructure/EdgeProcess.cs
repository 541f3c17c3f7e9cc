using System.Collections.Concurrent;
using System.Diagnostics;

namespace TiepCongDan.Edge.Tests.Infrastructure;

/// <summary>The real tcd-edge binary (copied next to the tests) as a child process; killed by PID on dispose.</summary>
internal sealed class EdgeProcess : IDisposable
{
    private readonly Process _process;

    public EdgeProcess(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "tcd-edge.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the test project (it references TiepCongDan.Edge.Service).");
        }

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("INVOCATION_ID");
        info.Environment.Remove("JOURNAL_STREAM");
        _process = Process.Start(info) ?? throw new InvalidOperationException("dotnet could not be started");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { Output.Enqueue(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Errors.Enqueue(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public ConcurrentQueue<string> Output { get; } = new();

    public ConcurrentQueue<string> Errors { get; } = new();

    public int Id => _process.Id;

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs, as when a kiosk loses power or the OOM killer strikes.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit(5000);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
    }
}
