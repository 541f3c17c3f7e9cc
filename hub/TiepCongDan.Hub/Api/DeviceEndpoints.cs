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
        group.MapGet("/", (KioskRegistry registry) => Results.Ok(registry.All().Select(DeviceDto.From)));
        group.MapGet("/{id}", (string id, KioskRegistry registry) =>
            registry.Get(id) is { } kiosk ? Results.Ok(DeviceDto.From(kiosk)) : NotFound(id));
        group.MapGet("/{id}/history", (string id, string? from, string? to, KioskRegistry registry, RegistryStore store, TimeProvider time) =>
        {
            if (!registry.Contains(id))
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
