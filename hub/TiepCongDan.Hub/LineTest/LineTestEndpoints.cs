using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Audit;
using TiepCongDan.Hub.Auth;
using TiepCongDan.Hub.Registry;

namespace TiepCongDan.Hub.LineTest;

/// <summary>POST /api/devices/{id}/line-test: run the kiosk's line test and return what arrived (takes about 12 s).</summary>
public static class LineTestEndpoints
{
    public static IEndpointRouteBuilder MapLineTestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/devices/{id}/line-test", RunAsync).RequireAuthorization(Policies.OperatorOrAdmin);
        return app;
    }

    private static async Task<IResult> RunAsync(string id, HttpContext context, KioskRegistry registry, LineTestService tests, CancellationToken cancellationToken)
    {
        if (!KioskId.IsValid(id) || registry.Get(id) is not { } kiosk || !context.MaySeeProvince(kiosk.Province))
        {
            return Results.NotFound(new { error = $"Kiosk {id} is unknown to this hub." });
        }

        if (!kiosk.Online)
        {
            return Results.Conflict(new { error = $"Kiosk {id} is offline: a line test needs the kiosk online." });
        }

        try
        {
            var report = await tests.RunAsync(id, cancellationToken);
            context.Audit(AuditActions.LineTest, id, kiosk.Province, AuditOutcomes.Ok);
            return Results.Ok(report);
        }
        catch (InvalidOperationException ex)
        {
            context.Audit(AuditActions.LineTest, id, kiosk.Province, AuditOutcomes.Failed, ex.Message);
            return Results.Conflict(new { error = ex.Message });
        }
    }
}
