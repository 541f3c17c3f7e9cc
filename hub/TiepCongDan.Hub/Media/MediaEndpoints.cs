using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using TiepCongDan.Contracts.Media;

namespace TiepCongDan.Hub.Media;

/// <summary>The segment upload API of <see cref="SegmentUploadProtocol"/>, for kiosks only.</summary>
public static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(SegmentUploadProtocol.BasePath + "/sessions/{sessionId}").RequireAuthorization(KioskAuthenticationHandler.PolicyName);
        group.MapPut("/", (HttpContext context, string sessionId, SegmentUploadService service) => Guarded(() => DeclareAsync(context, sessionId, service)));
        group.MapGet("/segments", (HttpContext context, string sessionId, SegmentUploadService service) => Guarded(() => Task.FromResult(List(context, sessionId, service))));
        group.MapMethods("/segments/{sequence}", [HttpMethods.Head], (HttpContext context, string sessionId, string sequence, SegmentUploadService service) =>
            Guarded(() => Task.FromResult(Head(context, sessionId, sequence, service))));
        group.MapMethods("/segments/{sequence}", [HttpMethods.Patch], (HttpContext context, string sessionId, string sequence, SegmentUploadService service) =>
            Guarded(() => PatchAsync(context, sessionId, sequence, service)));
        return app;
    }

    private static async Task<IResult> Guarded(Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (MediaRequestException ex)
        {
            return Error(ex.StatusCode, ex.Message);
        }
    }

    private static async Task<IResult> DeclareAsync(HttpContext context, string sessionId, SegmentUploadService service)
    {
        var kioskId = KioskOf(context);
        CheckSessionId(sessionId);
        SessionDeclaration? declaration;
        try
        {
            declaration = await context.Request.ReadFromJsonAsync<SessionDeclaration>(context.RequestAborted);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new MediaRequestException("The body must be a JSON SessionDeclaration.", ex);
        }

        if (declaration is null || declaration.StartedAtMs <= 0 || declaration.EndedAtMs < declaration.StartedAtMs || declaration.SegmentCount < 0)
        {
            throw new MediaRequestException("The declaration needs StartedAtMs > 0, EndedAtMs not before it and SegmentCount >= 0.");
        }

        if (declaration.KioskId != kioskId)
        {
            throw new MediaRequestException(StatusCodes.Status403Forbidden, "A kiosk may only declare its own sessions.");
        }

        var (access, created) = service.Declare(kioskId, sessionId, declaration);
        if (access == SessionAccess.OtherKiosk)
        {
            throw new MediaRequestException(StatusCodes.Status403Forbidden, "This session belongs to another kiosk.");
        }

        return created ? Results.Created(SegmentUploadProtocol.Session(sessionId), declaration) : Results.Ok(declaration);
    }

    private static IResult List(HttpContext context, string sessionId, SegmentUploadService service)
    {
        var kioskId = KioskOf(context);
        CheckOwned(kioskId, sessionId, service);
        return Results.Ok(new SessionSegmentsResponse(sessionId, kioskId, service.Confirmed(sessionId)));
    }

    private static IResult Head(HttpContext context, string sessionId, string sequence, SegmentUploadService service)
    {
        var kioskId = KioskOf(context);
        var seq = SegmentUploadHeaders.Sequence(sequence);
        CheckOwned(kioskId, sessionId, service);
        context.Response.Headers.CacheControl = "no-store";
        if (service.Offset(new SegmentKey(kioskId, sessionId, seq)) is not { } offset)
        {
            return Results.NotFound();
        }

        SetOffset(context, offset);
        return Results.Ok();
    }

    private static async Task<IResult> PatchAsync(HttpContext context, string sessionId, string sequence, SegmentUploadService service)
    {
        var kioskId = KioskOf(context);
        var seq = SegmentUploadHeaders.Sequence(sequence);
        CheckOwned(kioskId, sessionId, service);
        var upload = SegmentUploadHeaders.Parse(context.Request.Headers, context.Request.ContentType, context.Request.ContentLength);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // Kestrel's default (30 MB) is below the largest segment; our own cap is Upload-Length.
            limit.MaxRequestBodySize = SegmentUploadProtocol.MaxSegmentBytes;
        }

        PatchOutcome outcome;
        try
        {
            outcome = await service.PatchAsync(new SegmentKey(kioskId, sessionId, seq), upload, context.Request.Body, context.RequestAborted);
        }
        catch (SegmentBodyTooLongException ex)
        {
            throw new MediaRequestException(StatusCodes.Status413PayloadTooLarge, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The kiosk went away mid-body; nobody reads an answer. The bytes received are kept.
            return Results.Empty;
        }

        switch (outcome.Result)
        {
            case PatchResult.Partial:
                SetOffset(context, outcome.Offset);
                return Results.NoContent();
            case PatchResult.Completed:
                SetOffset(context, outcome.Offset);
                return Results.StatusCode(StatusCodes.Status201Created);
            case PatchResult.AlreadyConfirmed:
                SetOffset(context, outcome.Offset);
                return Results.Ok();
            case PatchResult.OffsetMismatch:
                SetOffset(context, outcome.Offset);
                return Error(StatusCodes.Status409Conflict, $"The hub holds {outcome.Offset} bytes of this segment; continue from there.");
            case PatchResult.ConflictingSegment:
                return Error(StatusCodes.Status409Conflict, "A different segment with this number is already confirmed.");
            case PatchResult.HashMismatch:
                return Error(StatusCodes.Status422UnprocessableEntity, "The segment does not match its SHA-256; the hub discarded it, upload it again from 0.");
            default:
                throw new InvalidOperationException($"Unhandled patch result {outcome.Result}.");
        }
    }

    private static string KioskOf(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.Name) ?? throw new InvalidOperationException("The kiosk policy let an unnamed principal through.");

    private static void CheckSessionId(string sessionId)
    {
        if (!MediaSessionId.IsValid(sessionId))
        {
            throw new MediaRequestException($"'{sessionId}' is not a session id.");
        }
    }

    private static void CheckOwned(string kioskId, string sessionId, SegmentUploadService service)
    {
        CheckSessionId(sessionId);
        switch (service.Access(kioskId, sessionId))
        {
            case SessionAccess.NotDeclared:
                throw new MediaRequestException(StatusCodes.Status404NotFound, "This session has not been declared (PUT it first).");
            case SessionAccess.OtherKiosk:
                throw new MediaRequestException(StatusCodes.Status403Forbidden, "This session belongs to another kiosk.");
            default:
                return;
        }
    }

    private static void SetOffset(HttpContext context, long offset) =>
        context.Response.Headers[SegmentUploadProtocol.UploadOffsetHeader] = offset.ToString(CultureInfo.InvariantCulture);

    private static IResult Error(int statusCode, string message) => Results.Json(new { error = message }, statusCode: statusCode);
}
