using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using TiepCongDan.Edge.Options;
using TiepCongDan.Edge.Simulation;

namespace TiepCongDan.Edge.Service;

/// <summary>
/// <c>tcd-edge sim ...</c>: drives the simulated card, buttons, camera and microphone of the tcd-edge
/// running on this machine through its simulation console (127.0.0.1, Edge:Simulation:Port from
/// appsettings.json, /etc/tcd-edge/edge.json and TCD_EDGE_* variables, else 8790; --port overrides).
/// Prints the kiosk's JSON answer. Exit codes: <see cref="SimCommandExitCodes"/>.
/// </summary>
public static class SimCommand
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool IsSimCommand(string[] args) => args is ["sim", ..];

    /// <summary>For Program: the console's own writers.</summary>
    public static Task<int> RunAsync(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        return RunAsync(args, Console.Out, Console.Error, ConfiguredPort(), CancellationToken.None);
    }

    /// <param name="args">The whole command line, starting with "sim".</param>
    /// <param name="defaultPort">The port when --port is not given.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, int defaultPort, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        SimCommandLine line;
        try
        {
            line = SimCommandLine.Parse(args.Skip(1).ToList());
        }
        catch (FormatException ex)
        {
            await error.WriteLineAsync("tcd-edge sim: " + ex.Message);
            await error.WriteLineAsync(SimCommandLine.Usage);
            return SimCommandExitCodes.Usage;
        }

        if (line.Help)
        {
            await output.WriteLineAsync(SimCommandLine.Usage);
            return SimCommandExitCodes.Ok;
        }

        if (line.ListCitizens)
        {
            await output.WriteAsync(CitizenList());
            return SimCommandExitCodes.Ok;
        }

        var port = line.Port ?? defaultPort;
        using var client = new SimConsoleClient(port);
        try
        {
            var (status, json) = await client.SendAsync(line.Request!, cancellationToken);
            if (status == 200)
            {
                await output.WriteLineAsync(PrettyJson(json));
                return SimCommandExitCodes.Ok;
            }

            await error.WriteLineAsync($"tcd-edge sim: điểm cầu từ chối (the kiosk refused, HTTP {status.ToString(CultureInfo.InvariantCulture)}): {SimConsoleClient.ErrorOf(json)}");
            return SimCommandExitCodes.Refused;
        }
        catch (SimConsoleUnreachableException ex)
        {
            await error.WriteLineAsync($"tcd-edge sim: không kết nối được bảng điều khiển mô phỏng trên 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)} ({ex.Message}): "
                + "is tcd-edge running with Edge:Simulation:Enabled=true? (tcd-edge có đang chạy với Edge:Simulation:Enabled=true không?)");
            return SimCommandExitCodes.Unreachable;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"tcd-edge sim: điểm cầu không trả lời trong 90 giây (no answer from 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)} within 90 s).");
            return SimCommandExitCodes.Unreachable;
        }
    }

    /// <summary>Edge:Simulation:Port as the service would read it, else the default.</summary>
    public static int ConfiguredPort()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile("/etc/tcd-edge/edge.json", optional: true, reloadOnChange: false)
            .AddEnvironmentVariables("TCD_EDGE_")
            .Build();
        return configuration.GetSection(EdgeSimulationOptions.SectionName).GetValue<int?>(nameof(EdgeSimulationOptions.Port)) ?? EdgeSimulationOptions.DefaultPort;
    }

    /// <summary>The built-in made-up citizens with what a trainer copies: the QR and the MRZ.</summary>
    public static string CitizenList()
    {
        var text = new StringBuilder();
        foreach (var citizen in SimulatedCitizens.All)
        {
            var card = citizen.Card;
            text.Append(CultureInfo.InvariantCulture, $"{citizen.Key}: {card.FullName}, {card.Sex}, sinh {card.DateOfBirth:dd/MM/yyyy}, số {card.IdNumber}, hết hạn {card.DateOfExpiryText}\n");
            text.Append(CultureInfo.InvariantCulture, $"  QR:  {card.QrText}\n");
            text.Append(CultureInfo.InvariantCulture, $"  MRZ: {card.MrzText.Replace("\n", "\n       ", StringComparison.Ordinal)}\n");
        }

        return text.ToString();
    }

    private static string PrettyJson(string json)
    {
        try
        {
            return JsonNode.Parse(json)?.ToJsonString(Pretty) ?? json;
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
