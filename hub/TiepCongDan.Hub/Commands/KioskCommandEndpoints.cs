using System.Security.Claims;
using System.Text.Json;
using TiepCongDan.Contracts.Commands;
using TiepCongDan.Hub.Media;

namespace TiepCongDan.Hub.Commands;

/// <summary>
/// Kiosks (HTTP Basic with the MQTT password, <see cref="CommandProtocol"/>): POST an outcome, PUT an
/// artifact, for their own commands only. An unreadable outcome is answered 400 with the reason and
/// changes nothing: the command keeps waiting for a readable one (or its timeout).
/// </summary>
public static class KioskCommandEndpoints
{
    private static readonly HashSet<string> ArtifactTypes = new(StringComparer.OrdinalIgnoreCase) { "image/png", "image/jpeg", "application/gzip" };

    public static IEndpointRouteBuilder MapKioskCommandEndpoints(this IEndpointRouteBuilder app)
    {
        var kiosk = app.MapGroup(CommandProtocol.KioskBasePath).RequireAuthorization(KioskAuthenticationHandler.PolicyName);
        kiosk.MapPost("/{commandId}/result", ResultAsync);
        kiosk.MapPut("/{commandId}/artifact", ArtifactAsync);
        return app;
    }

    private static async Task<IResult> ResultAsync(string commandId, HttpContext context, CommandService commands, ILogger<CommandService> logger)
    {
        var kioskId = KioskOf(context);
        var body = await ReadAsync(context.Request, CommandProtocol.MaxOutcomeBytes, context.RequestAborted);
        if (body is null)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"An outcome is at most {CommandProtocol.MaxOutcomeBytes} bytes.");
        }

        CommandOutcome? outcome;
        try
        {
            outcome = JsonSerializer.Deserialize<CommandOutcome>(body, CommandJson.Options);
        }
        catch (JsonException ex)
        {
            CommandLog.BadOutcome(logger, kioskId, commandId, ex.Message);
            return Error(StatusCodes.Status400BadRequest, "The body is not a JSON command outcome {\"state\": \"done|failed|refused|accepted\", \"message\": \"...\"}: " + ex.Message);
        }

        if (outcome is null || !CommandStates.IsKioskOutcome(outcome.State))
        {
            var reason = $"'state' must be done, failed, refused or accepted, got '{outcome?.State}'.";
            CommandLog.BadOutcome(logger, kioskId, commandId, reason);
            return Error(StatusCodes.Status400BadRequest, reason);
        }

        var (status, text) = commands.ApplyOutcome(kioskId, commandId, outcome);
        return status == StatusCodes.Status200OK ? Results.Ok(new { state = text }) : Error(status, text);
    }

    private static async Task<IResult> ArtifactAsync(string commandId, string? name, HttpContext context, CommandService commands)
    {
        var contentType = context.Request.ContentType?.Split(';')[0].Trim() ?? string.Empty;
        if (!ArtifactTypes.Contains(contentType))
        {
            return Error(StatusCodes.Status415UnsupportedMediaType, "An artifact is image/png, image/jpeg or application/gzip.");
        }

        var body = await ReadAsync(context.Request, CommandProtocol.MaxArtifactBytes, context.RequestAborted);
        if (body is null)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"An artifact is at most {CommandProtocol.MaxArtifactBytes} bytes.");
        }

        var fileName = string.IsNullOrWhiteSpace(name) ? commandId : Path.GetFileName(name.Trim());
        var (status, text) = await commands.SaveArtifactAsync(KioskOf(context), commandId, fileName, contentType.ToLowerInvariant(), body, context.RequestAborted);
        return status == StatusCodes.Status200OK ? Results.Ok(new { stored = true, bytes = body.Length }) : Error(status, text);
    }

    private static string KioskOf(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.Name) ?? throw new InvalidOperationException("The kiosk policy let an unnamed principal through.");

    /// <summary>The body, or null when longer than <paramref name="max"/>.</summary>
    private static async Task<byte[]?> ReadAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        if (request.ContentLength > max)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + n > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }

    private static IResult Error(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}
