using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using TiepCongDan.Hub.Bridge;
using Xunit.Abstractions;

namespace TiepCongDan.Hub.Tests.Bridge;

/// <summary>
/// BENCHMARK (real ffmpeg, ~50 s, run by hand with --filter Category=Benchmark): the CPU one
/// session's composer costs with 2 and 4 officials sending 640x360 25 fps H.264, composed into
/// 640x360. The officials' streams are encoded once beforehand and replayed with -c copy, so only
/// the composer's decode + compose + encode is measured. Prints the numbers and checks the composite flowed.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class ComposeCpu_Benchmark(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(15);
    private readonly string _directory = Directory.CreateTempSubdirectory("tcd-bridge-cpu-").FullName;
    private readonly List<Process> _processes = [];

    [Theory]
    [InlineData(2, "grid")]
    [InlineData(4, "grid")]
    [InlineData(2, "pip")]
    public async Task Composer_cpu_per_session(int officials, string layout)
    {
        var sources = new string[officials];
        for (var i = 0; i < officials; i++)
        {
            sources[i] = Path.Combine(_directory, $"official{i}.ts");
            await RunAsync("ffmpeg", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-f", "lavfi", "-i",
                $"sine=frequency={440 + (i * 110)}:sample_rate=48000", "-t", "20", "-c:v", "libx264", "-preset", "veryfast", "-g", "25", "-b:v", "800k",
                "-c:a", "aac", "-b:a", "64k", "-f", "mpegts", sources[i]);
        }

        long compositeBytes = 0;
        var options = new BridgeOptions { ComposeLayout = layout };
        using var composer = new ReturnComposer("bench", officials, options, m => Interlocked.Add(ref compositeBytes, m.Data.Length), TimeProvider.System, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var feeders = Enumerable.Range(0, officials).Select(i => Task.Run(() => Feed(composer, i, sources[i], stop.Token))).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(3)); // ffmpeg probes its inputs and starts
        var cpuBefore = composer.CpuTime;
        var clock = Stopwatch.StartNew();
        await Task.Delay(Measure);
        var cpu = composer.CpuTime - cpuBefore;
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(feeders);

        var percent = 100 * cpu.TotalSeconds / seconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"compose {officials} x 640x360 -> {options.ComposeWidth}x{options.ComposeHeight} {layout}: {cpu.TotalSeconds:0.00} s CPU in {seconds:0.0} s = {percent:0.0} % of one core; composite {compositeBytes * 8 / 1000 / (seconds + 3):0} kbit/s; ffmpeg starts {composer.Starts}"));
        Assert.True(compositeBytes > 100_000, "the composite must flow");
        Assert.Equal(1, composer.Starts);
    }

    public void Dispose()
    {
        foreach (var p in _processes)
        {
            try
            {
                p.Kill();
            }
            catch (InvalidOperationException)
            {
            }

            p.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }

    private void Feed(ReturnComposer composer, int index, string source, CancellationToken token)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-hide_banner", "-loglevel", "error", "-nostdin", "-re", "-stream_loop", "-1", "-i", source, "-c", "copy", "-f", "mpegts", "pipe:1" })
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        lock (_processes)
        {
            _processes.Add(process);
        }

        var buffer = new byte[1316];
        var stream = process.StandardOutput.BaseStream;
        while (!token.IsCancellationRequested)
        {
            try
            {
                stream.ReadExactly(buffer);
            }
            catch (EndOfStreamException)
            {
                break;
            }

            composer.Feed(index, buffer);
        }

        process.Kill();
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start: install the Debian package ffmpeg.");
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed: {errors}");
    }
}
