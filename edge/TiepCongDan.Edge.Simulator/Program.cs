using Microsoft.Extensions.Logging;
using TiepCongDan.Edge.Simulator;

// tcd-fleet-sim: see SimulatorOptions.Usage. Prints "sim: ..." status lines every 10 s.
SimulatorOptions options;
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(SimulatorOptions.Usage);
        return 0;
    }

    options = SimulatorOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine("sim: error: " + ex.Message);
    Console.Error.WriteLine(SimulatorOptions.Usage);
    return 64;
}

// Thousands of connects at once: start with enough pool threads to avoid the slow ramp-up.
ThreadPool.GetMinThreads(out var workers, out var io);
ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));

using var loggerFactory = LoggerFactory.Create(b => b
    .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
    .SetMinimumLevel(LogLevel.Error));
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
// SIGTERM (systemd, build.sh): stop like Ctrl-C so every kiosk publishes its NDEATH.
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx =>
{
    ctx.Cancel = true;
    stop.Cancel();
});
if (options.DurationSeconds > 0)
{
    stop.CancelAfter(TimeSpan.FromSeconds(options.DurationSeconds));
}

return await new FleetSimulator(options, loggerFactory, TimeProvider.System).RunAsync(stop.Token);
