using TiepCongDan.Hub.Auth;
using TiepCongDan.Hub.Ingest;

namespace TiepCongDan.Hub.Bridge;

/// <summary>GET /api/live (any signed-in user, viewer and up): live sessions with their points and numbers.</summary>
public static class BridgeEndpoints
{
    public static IEndpointRouteBuilder MapBridgeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/live", (ILiveSessionBus bus, BridgeService bridge) => Results.Ok(Live(bus, bridge)))
            .RequireAuthorization(Policies.AnyUser);
        return app;
    }

    /// <summary>The bus's sessions merged with the bridge's per-point numbers, oldest first.</summary>
    public static IReadOnlyList<LiveSessionDto> Live(ILiveSessionBus bus, BridgeService bridge)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(bridge);
        return [.. bus.Sessions.OrderBy(s => s.StartedAt).Select(s => LiveSessionDto.From(s, bridge.Find(s.SessionId), bridge.Points))];
    }
}
