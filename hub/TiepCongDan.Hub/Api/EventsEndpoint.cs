using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using TiepCongDan.Hub.Auth;
using TiepCongDan.Hub.Registry;

namespace TiepCongDan.Hub.Api;

/// <summary>
/// GET /api/events: Server-Sent Events for the fleet page. First a "snapshot" event with every
/// kiosk, then a "kiosk" event per changed kiosk (coalesced), and a comment every 15 s so proxies
/// keep the stream open. Only the kiosks of the signed-in user's provinces.
/// </summary>
public static class EventsEndpoint
{
    public static IEndpointRouteBuilder MapEventsEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", StreamAsync).RequireAuthorization(Policies.AnyUser);
        return app;
    }

    private static async Task StreamAsync(HttpContext context, KioskRegistry registry, KioskEventBroadcaster broadcaster, IOptions<JsonOptions> json)
    {
        var options = json.Value.SerializerOptions;
        var cancel = context.RequestAborted;
        context.Response.Headers.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        // The user's provinces, fixed for the stream's life: the snapshot and every update are filtered by them.
        var allowed = context.AllowedProvinces();
        using var subscription = broadcaster.Subscribe();
        try
        {
            await WriteEventAsync(context, "snapshot", JsonSerializer.Serialize(registry.All().Where(k => allowed.Allows(k.Province)).Select(DeviceDto.From), options), cancel);
            while (!cancel.IsCancellationRequested)
            {
                var ids = await subscription.WaitAsync(TimeSpan.FromSeconds(15), cancel);
                if (ids.Count == 0)
                {
                    await context.Response.WriteAsync(": keep-alive\n\n", cancel);
                    await context.Response.Body.FlushAsync(cancel);
                    continue;
                }

                foreach (var id in ids)
                {
                    if (registry.Get(id) is { } kiosk && allowed.Allows(kiosk.Province))
                    {
                        await context.Response.WriteAsync($"event: kiosk\ndata: {JsonSerializer.Serialize(DeviceDto.From(kiosk), options)}\n\n", cancel);
                    }
                }

                await context.Response.Body.FlushAsync(cancel);
                // Coalesce bursts: a busy fleet yields one event per kiosk per quarter second at most.
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancel);
            }
        }
        catch (OperationCanceledException)
        {
            // the page went away
        }
    }

    private static async Task WriteEventAsync(HttpContext context, string name, string data, CancellationToken cancel)
    {
        await context.Response.WriteAsync($"event: {name}\ndata: {data}\n\n", cancel);
        await context.Response.Body.FlushAsync(cancel);
    }
}
