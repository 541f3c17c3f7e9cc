using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TiepCongDan.Edge.Hosting;
using TiepCongDan.Edge.Options;

namespace TiepCongDan.Edge.Simulation;

/// <summary>
/// The simulation console's endpoint on 127.0.0.1 only (decision 0022), in the kiosk page server's
/// style (HttpListener, no Kestrel): JSON in and out, {"error": "..."} with 400 (bad input), 404
/// (no such route), 405 or 409 (the device is real here). Routes in docs/simulation.md; what each
/// does is <see cref="SimulationConsoleActions"/>.
/// </summary>
public sealed class SimulationConsoleServer : IHostedService, IAsyncDisposable
{
    private const int MaxBodyBytes = 64 * 1024;

    private static readonly JsonSerializerOptions JsonOut = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly EdgeSimulationOptions _options;
    private readonly SimulationConsoleActions _actions;
    private readonly ILogger _logger;
    private readonly LoopbackHttpListener _http;

    public SimulationConsoleServer(IOptions<EdgeSimulationOptions> options, SimulationConsoleDevices devices, TimeProvider time, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(time);
        _options = options.Value;
        // Checked here too (Enabled or not): a console built by hand must not open a network address either.
        var failures = EdgeSimulationOptionsValidator.Failures(_options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(EdgeSimulationOptions.SectionName, typeof(EdgeSimulationOptions), failures);
        }

        _actions = new SimulationConsoleActions(devices, time);
        _logger = logger ?? NullLogger.Instance;
        _http = new LoopbackHttpListener(Address, HandleAsync);
    }

    /// <summary>http://127.0.0.1:Port/ (routes under /sim/).</summary>
    public Uri Address => new($"http://{EdgeSimulationOptions.LoopbackAddress}:{_options.Port}/");

    /// <exception cref="HttpListenerException">The port is taken (the message names it).</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _http.Start("Cannot open the simulation console", "Edge:Simulation:Port");
        SimulationConsoleLog.Listening(_logger, Address.ToString());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _http.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _http.DisposeAsync();

    private async Task HandleAsync(HttpListenerContext context, CancellationToken stopping)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Url?.AbsolutePath ?? "/";
        try
        {
            // DNS rebinding: a web page must not reach the console through a name pointing at 127.0.0.1.
            var host = request.Url?.Host ?? string.Empty;
            if (host != EdgeSimulationOptions.LoopbackAddress)
            {
                SimulationConsoleLog.ForeignHost(_logger, host);
                await WriteAsync(response, 421, Error("Misdirected request: only 127.0.0.1."), stopping);
                return;
            }

            int status;
            JsonObject body;
            try
            {
                var input = await ReadBodyAsync(request, stopping);
                body = await _actions.HandleAsync(request.HttpMethod, path, request.Url?.Query, input, stopping);
                status = 200;
            }
            catch (SimulationConsoleException ex)
            {
                (status, body) = (ex.StatusCode, Error(ex.Message));
            }
            catch (InvalidOperationException ex)
            {
                // The control file is broken, or a device refused: say so rather than answer 200.
                SimulationConsoleLog.ActionFailed(_logger, ex, path);
                (status, body) = (500, Error(ex.Message));
            }

            if (request.HttpMethod == "GET")
            {
                SimulationConsoleLog.Read(_logger, request.HttpMethod, path, status);
            }
            else
            {
                SimulationConsoleLog.Acted(_logger, request.HttpMethod, path, status);
            }

            await WriteAsync(response, status, body, stopping);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            if (!stopping.IsCancellationRequested)
            {
                SimulationConsoleLog.RequestFailed(_logger, ex.Message);
            }
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                // already gone
            }
        }
    }

    /// <summary>The request's JSON object; null when there is no body.</summary>
    private static async Task<JsonObject?> ReadBodyAsync(HttpListenerRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasEntityBody)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.InputStream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                throw new SimulationConsoleException($"Nội dung quá {MaxBodyBytes} byte. (The body is over {MaxBodyBytes} bytes.)");
            }
        }

        if (buffer.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(buffer.ToArray()) as JsonObject
                ?? throw new SimulationConsoleException("Nội dung phải là một đối tượng JSON. (The body must be a JSON object.)");
        }
        catch (JsonException ex)
        {
            throw new SimulationConsoleException($"Nội dung không phải JSON hợp lệ (invalid JSON): {ex.Message}", ex);
        }
    }

    private static JsonObject Error(string message) => new() { ["error"] = message };

    private static async Task WriteAsync(HttpListenerResponse response, int status, JsonObject body, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(JsonOut) + "\n");
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        response.AddHeader("Cache-Control", "no-store");
        await response.OutputStream.WriteAsync(bytes, cancellationToken);
    }
}
