using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Auth;
using TiepCongDan.Hub.Registry;
using TiepCongDan.Hub.Storage;

namespace TiepCongDan.Hub.Api;

/// <summary>/api/devices: the registry and history (commands: Commands/CommandEndpoints).</summary>
public static class DeviceEndpoints
{
    public static IEndpointRouteBuilder MapDeviceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/devices").RequireAuthorization(Policies.AnyUser);
        // Province scope: a user sees the kiosks of their provinces; another province's kiosk does not exist for them.
        group.MapGet("/", (HttpContext context, KioskRegistry registry) =>
        {
            var allowed = context.AllowedProvinces();
            return Results.Ok(registry.All().Where(k => allowed.Allows(k.Province)).Select(DeviceDto.From));
        });
        group.MapGet("/{id}", (string id, HttpContext context, KioskRegistry registry) =>
            registry.Get(id) is { } kiosk && context.MaySeeProvince(kiosk.Province) ? Results.Ok(DeviceDto.From(kiosk)) : NotFound(id));
        group.MapGet("/{id}/history", (string id, string? from, string? to, HttpContext context, KioskRegistry registry, RegistryStore store, TimeProvider time) =>
        {
            if (registry.Get(id) is not { } known || !context.MaySeeProvince(known.Province))
            {
                return NotFound(id);
            }

            var end = time.GetUtcNow();
            if (to is not null && !DateTimeOffset.TryParse(to, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out end))
            {
                return Results.BadRequest(new { error = $"'to' must be an ISO 8601 time, got '{to}'." });
            }

            var start = end - TimeSpan.FromDays(1);
            if (from is not null && !DateTimeOffset.TryParse(from, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out start))
            {
                return Results.BadRequest(new { error = $"'from' must be an ISO 8601 time, got '{from}'." });
            }

            return Results.Ok(store.History(id, start, end).Select(HistoryPointDto.From));
        });
        return app;
    }

    private static IResult NotFound(string id) => Results.NotFound(new
    {
        error = KioskId.IsValid(id) ? $"Kiosk {id} is unknown to this hub." : $"'{id}' is not a kiosk id like 14-04171.",
    });
}
