using System.Security.Cryptography;
using TiepCongDan.Hub.Alerts;
using TiepCongDan.Hub.Api;
using TiepCongDan.Hub.Audit;
using TiepCongDan.Hub.Auth;
using TiepCongDan.Hub.Registry;

namespace TiepCongDan.Hub.Commands;

/// <summary>
/// Operators: POST /api/devices/{id}/commands (operator or admin), GET /api/devices/{id}/commands?limit=,
/// GET /api/commands/{id} (any user), GET /api/commands/{id}/artifact (operator or admin; audited).
/// A kiosk or command of a province outside the user's <see cref="IAlertScope"/> is 404.
/// The kiosk's side is <see cref="KioskCommandEndpoints"/>.
/// </summary>
public static class CommandEndpoints
{
    public static IEndpointRouteBuilder MapCommandEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/devices/{id}/commands", (string id, CommandRequest? request, HttpContext context, CommandService commands, IAlertScope scope) =>
                commands.RequestAsync(id, request, context.User, scope.AllowedProvinces(context.User), context.RequestAborted))
            .RequireAuthorization(Policies.OperatorOrAdmin);
        app.MapGet("/api/devices/{id}/commands", (string id, int? limit, HttpContext context, KioskRegistry registry, CommandStore store, IAlertScope scope) =>
                registry.Get(id) is { } kiosk && CommandService.InScope(scope.AllowedProvinces(context.User), kiosk.Province)
                    ? Results.Ok(store.ForKiosk(id, limit ?? 50).Select(CommandService.View))
                    : Results.NotFound(new { error = CommandMessages.UnknownKiosk(id) }))
            .RequireAuthorization(Policies.AnyUser);
        app.MapGet("/api/commands/{commandId}", (string commandId, HttpContext context, CommandService commands, IAlertScope scope) =>
                commands.Find(commandId, scope.AllowedProvinces(context.User)) is { } row
                    ? Results.Ok(CommandService.View(row))
                    : Results.NotFound(new { error = CommandMessages.UnknownCommand(commandId) }))
            .RequireAuthorization(Policies.AnyUser);
        app.MapGet("/api/commands/{commandId}/artifact", DownloadAsync).RequireAuthorization(Policies.OperatorOrAdmin);
        app.MapKioskCommandEndpoints();
        return app;
    }

    private static async Task<IResult> DownloadAsync(string commandId, HttpContext context, CommandService commands, IAlertScope scope, AuditLog audit)
    {
        var actor = CommandService.ActorOf(context.User);
        var row = commands.Find(commandId, scope.AllowedProvinces(context.User));
        if (row?.ArtifactFile is null)
        {
            audit.Record(actor, "command.artifact.download", row?.KioskId ?? commandId, row?.Province, "refused", commandId + ": no artifact");
            return Results.NotFound(new { error = row is null ? CommandMessages.UnknownCommand(commandId) : CommandMessages.ArtifactDeleted });
        }

        byte[] bytes;
        try
        {
            bytes = await commands.ReadArtifactAsync(row, context.RequestAborted);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException)
        {
            audit.Record(actor, "command.artifact.download", row.KioskId, row.Province, "failed", commandId + ": " + ex.Message);
            return Results.Problem("The stored file cannot be read (altered or missing).", statusCode: StatusCodes.Status500InternalServerError);
        }

        audit.Record(actor, "command.artifact.download", row.KioskId, row.Province, "ok", $"{commandId} {row.Command} {row.ArtifactName}");
        context.Response.Headers.CacheControl = "no-store";
        return Results.File(bytes, row.ArtifactType ?? "application/octet-stream", row.ArtifactName);
    }
}
