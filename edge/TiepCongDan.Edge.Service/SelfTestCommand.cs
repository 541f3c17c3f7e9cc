using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;
using TiepCongDan.Contracts.SelfTest;
using TiepCongDan.Edge.SelfTest;

namespace TiepCongDan.Edge.Service;

/// <summary>
/// <c>tcd-edge selftest [--en] [--json] [--only ID,ID] [--button-seconds N] [--by-hand] [--no-send] [--Edge:...=...]</c>:
/// the technician's on-site proof that camera, microphone and speaker, screen, card reader, buttons,
/// clock and the link to the hub work. Builds the service's host from the same configuration (not
/// started: no MQTT, no session flow), runs every check (<see cref="SelfTestSession"/>), prints the
/// report (Vietnamese table, English with --en, JSON with --json), shows it on the kiosk screen,
/// saves it and sends it to the hub. Stop the service first (systemctl stop tcd-edge).
/// Exit: 0 no check failed, 1 a check failed, 2 wrong command line, 78 configuration error.
/// </summary>
public static class SelfTestCommand
{
    public const int Passed = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Config = 78;

    public const string UsageText =
        "usage: tcd-edge selftest [--en] [--json] [--only " + "camera,microphone,display,card-reader,buttons,hub-link,clock,srt-stream"
        + "] [--button-seconds N] [--by-hand] [--no-send] [--Edge:Key=Value ...]";

    public static bool IsSelfTestCommand(string[] args) => args is ["selftest", ..];

    /// <summary>For Program: the console's own writers.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        return await RunAsync(args, Console.Out, Console.Error, null, null, stop.Token);
    }

    /// <param name="args">The whole command line, starting with "selftest".</param>
    /// <param name="configure">Tests: changes to the host's services after the service's own (e.g. a clock probe).</param>
    /// <param name="prompter">Tests: sees every prompt (and may press the button asked for).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Action<IServiceCollection>? configure,
        ISelfTestPrompter? prompter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var settings = new SelfTestSettings();
        var json = false;
        var rest = new List<string>();
        if (Parse(args.Skip(1).ToList(), settings, ref json, rest) is { } problem)
        {
            await error.WriteLineAsync("tcd-edge selftest: " + problem);
            await error.WriteLineAsync(UsageText);
            return problem.Length == 0 ? Passed : Usage;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. rest],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddJsonFile("/etc/tcd-edge/edge.json", optional: true, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables("TCD_EDGE_");
        builder.Configuration.AddCommandLine([.. rest]);
        builder.AddTcdEdge();
        // The report is the output: the service's log goes to standard error, warnings and worse only.
        builder.Services.AddSerilog(lc => lc.MinimumLevel.Warning()
            .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: CultureInfo.InvariantCulture,
                outputTemplate: "[{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));
        configure?.Invoke(builder.Services);

        using var host = builder.Build();
        try
        {
            host.ValidateEdgeOptions();
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync("tcd-edge selftest: configuration error: " + string.Join(" ", ex.Failures));
            return Config;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            await error.WriteLineAsync("tcd-edge selftest: configuration error: " + ex.Message);
            return Config;
        }

        var console = new ConsoleSelfTestPrompter(error, settings.English);
        await using var session = new SelfTestSession(host.Services, settings,
            prompter is null ? console : new CompositeSelfTestPrompter([console, prompter]));
        var run = await session.RunAsync(cancellationToken);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(run.Report, SelfTestJson.Indented));
        }
        else
        {
            await output.WriteAsync(SelfTestReportText.Format(run.Report, settings.English));
        }

        await error.WriteLineAsync(run.SentToHub
            ? settings.English ? "Report sent to the hub; saved in " + run.SavedTo : "Đã gửi báo cáo về trung tâm; lưu tại " + run.SavedTo
            : settings.English ? $"Report NOT sent to the hub ({run.SendProblem}); saved in {run.SavedTo}"
                : $"CHƯA gửi được báo cáo về trung tâm ({run.SendProblem}); lưu tại {run.SavedTo}");
        return run.Report.Passed ? Passed : Failed;
    }

    /// <returns>Null when fine; empty for --help; else the problem.</returns>
    private static string? Parse(IReadOnlyList<string> args, SelfTestSettings settings, ref bool json, List<string> rest)
    {
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    return string.Empty;
                case "--en":
                    settings.English = true;
                    break;
                case "--json":
                    json = true;
                    break;
                case "--by-hand":
                    settings.PressSimulatedButtons = false;
                    break;
                case "--no-send":
                    settings.SendToHub = false;
                    break;
                case "--only" when i + 1 < args.Count:
                    var ids = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var unknown = ids.FirstOrDefault(id => !SelfTestCheckIds.IsKnown(id));
                    if (ids.Length == 0 || unknown is not null)
                    {
                        return $"--only: unknown check '{unknown}'; the checks are {string.Join(", ", SelfTestCheckIds.All)}.";
                    }

                    settings.Only = new HashSet<string>(ids, StringComparer.Ordinal);
                    break;
                case "--button-seconds" when i + 1 < args.Count:
                    if (!double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds is < 1 or > 600)
                    {
                        return $"--button-seconds '{args[i]}' is not a number of seconds (1 to 600).";
                    }

                    settings.ButtonTimeout = TimeSpan.FromSeconds(seconds);
                    break;
                case var a when a.StartsWith("--Edge:", StringComparison.Ordinal) || a.StartsWith("--Serilog:", StringComparison.Ordinal):
                    rest.Add(a);
                    break;
                default:
                    return $"unknown option '{args[i]}'.";
            }
        }

        return null;
    }
}
