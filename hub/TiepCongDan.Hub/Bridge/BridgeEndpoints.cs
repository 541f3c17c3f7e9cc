using Microsoft.Extensions.Options;
using TiepCongDan.Contracts.Media;
using TiepCongDan.Hub.Audit;
using TiepCongDan.Hub.Auth;
using TiepCongDan.Hub.Ingest;

namespace TiepCongDan.Hub.Bridge;

/// <summary>
/// GET /api/live (any signed-in user, viewer and up): live sessions with their points and numbers;
/// GET /api/live/{id}/watch.mp4: the session itself, live, for a browser's &lt;video&gt; element (audited).
/// Only the sessions of the user's provinces.
/// </summary>
public static class BridgeEndpoints
{
    public static IEndpointRouteBuilder MapBridgeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/live", (HttpContext context, ILiveSessionBus bus, BridgeService bridge) =>
            {
                var allowed = context.AllowedProvinces();
                return Results.Ok(Live(bus, bridge).Where(s => allowed.Allows(s.Province)));
            })
            .RequireAuthorization(Policies.AnyUser);
        app.MapGet("/api/live/{id}/watch.mp4", WatchAsync).RequireAuthorization(Policies.AnyUser);
        return app;
    }

    /// <summary>Streams fragmented MP4 until the browser leaves or the session ends. No transcoding: the kiosk's H.264 and AAC as sent.</summary>
    private static async Task WatchAsync(string id, HttpContext context, ILiveSessionBus bus, IOptions<BridgeOptions> options, CancellationToken cancellationToken)
    {
        var live = bus.Sessions.FirstOrDefault(s => s.SessionId == id);
        if (Contracts.Media.MediaSessionId.IsLineTest(id) || live is null || !context.MaySeeProvince(live.Province))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsJsonAsync(new { error = $"Session {id} is not live on this hub." }, cancellationToken);
            return;
        }

        await using var watch = new FragmentedMp4Remux(options.Value.FfmpegPath);
        void Ended(LiveSessionInfo s)
        {
            if (s.SessionId == id)
            {
                watch.Complete();
            }
        }

        context.Audit(AuditActions.LiveWatch, id, live.Province, AuditOutcomes.Ok, live.KioskId);
        bus.SessionEnded += Ended;
        try
        {
            using (bus.Subscribe(id, watch.Feed))
            {
                context.Response.ContentType = "video/mp4";
                context.Response.Headers.CacheControl = "no-store";
                await watch.Output.CopyToAsync(context.Response.Body, 64 * 1024, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The browser left.
        }
        finally
        {
            bus.SessionEnded -= Ended;
        }
    }

    /// <summary>The bus's sessions merged with the bridge's per-point numbers, oldest first.</summary>
    public static IReadOnlyList<LiveSessionDto> Live(ILiveSessionBus bus, BridgeService bridge)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(bridge);
        return [.. bus.Sessions.OrderBy(s => s.StartedAt).Select(s => LiveSessionDto.From(s, bridge.Find(s.SessionId), bridge.Points))];
    }
}
