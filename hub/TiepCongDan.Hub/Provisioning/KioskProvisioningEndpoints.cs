using System.Security.Claims;
using TiepCongDan.Contracts.Fleet;
using TiepCongDan.Hub.Audit;
using TiepCongDan.Hub.Auth;
using TiepCongDan.Hub.Media;

namespace TiepCongDan.Hub.Provisioning;

/// <summary>
/// /api/kiosks: admins register provisioned kiosks and revoke them (of their provinces only, audited); a kiosk enrols itself with its
/// own credentials (user = kiosk id, password = its MQTT password) after its first boot.
/// </summary>
public static class KioskProvisioningEndpoints
{
    public const string EnrollPath = "/api/kiosks/enroll";
    private const string MappedKey = "tcd.provisioning.mapped";

    /// <summary>Idempotent, so a test host may call it on top of an app that already maps it.</summary>
    public static IEndpointRouteBuilder MapKioskProvisioningEndpoints(this IEndpointRouteBuilder app)
    {
        if (app is IApplicationBuilder builder)
        {
            if (builder.Properties.ContainsKey(MappedKey))
            {
                return app;
            }

            builder.Properties[MappedKey] = true;
        }

        var admin = app.MapGroup("/api/kiosks").RequireAuthorization(Policies.AdminOnly);
        admin.MapGet("/registrations", (HttpContext context, KioskRegistrationStore store) =>
        {
            var allowed = context.AllowedProvinces();
            return Results.Ok(store.List().Where(r => allowed.Allows(r.Province)).Select(KioskRegistrationDto.From));
        });
        admin.MapPost("/register", Register);
        admin.MapPost("/{kioskId}/revoke", RevokeAsync);
        app.MapPost(EnrollPath, Enroll).RequireAuthorization(KioskAuthenticationHandler.PolicyName);
        return app;
    }

    private static IResult Register(RegisterKioskRequest request, KioskRegistrationStore store, HttpContext context, ClaimsPrincipal by, ILoggerFactory loggers)
    {
        if (!KioskId.IsValid(request.KioskId) || !KioskId.IsValidProvince(request.Province) || !KioskId.IsValidCommune(request.Commune)
            || request.KioskId![..2] != request.Province || request.KioskId.Substring(3, 5) != request.Commune)
        {
            return Results.BadRequest(new { error = "kioskId must be {province}-{commune}[-NN] (e.g. 14-04171) matching province (2 digits) and commune (5 digits)." });
        }

        if (string.IsNullOrWhiteSpace(request.CertificateFingerprint) || request.CertificateFingerprint.Length != 64
            || !request.CertificateFingerprint.All(Uri.IsHexDigit))
        {
            return Results.BadRequest(new { error = "certificateFingerprint must be the SHA-256 of the kiosk's certificate (64 hex digits)." });
        }

        if (!context.MaySeeProvince(request.Province))
        {
            context.Audit(AuditActions.KioskProvision, request.KioskId, request.Province, AuditOutcomes.Refused, "not one of the user's provinces");
            return Results.Json(new { error = $"Province {request.Province} is not one of yours." }, statusCode: StatusCodes.Status403Forbidden);
        }

        var logger = loggers.CreateLogger("TiepCongDan.Hub.Provisioning");
        var row = store.Register(request.KioskId, request.Province!, request.Commune!, request.CertificateFingerprint.ToUpperInvariant(), by.Identity?.Name ?? "?");
        if (row is null)
        {
            ProvisioningLog.RegisterRevokedRefused(logger, request.KioskId);
            context.Audit(AuditActions.KioskProvision, request.KioskId, request.Province, AuditOutcomes.Refused, "revoked before");
            return Results.Conflict(new { error = $"Kiosk {request.KioskId} is revoked; it cannot be provisioned again under the same id." });
        }

        ProvisioningLog.Registered(logger, row.KioskId, row.CreatedBy, row.CertificateFingerprint);
        context.Audit(AuditActions.KioskProvision, row.KioskId, row.Province, AuditOutcomes.Ok, "certificate " + row.CertificateFingerprint);
        return Results.Created($"/api/kiosks/registrations/{row.KioskId}", KioskRegistrationDto.From(row));
    }

    private static async Task<IResult> RevokeAsync(string kioskId, RevokeKioskRequest? request, KioskRegistrationStore store,
        RevocationEnforcer enforcer, HttpContext context, ClaimsPrincipal by, ILoggerFactory loggers)
    {
        if (!KioskId.IsValid(kioskId))
        {
            return Results.BadRequest(new { error = "Not a kiosk id like 14-04171." });
        }

        var province = store.Find(kioskId)?.Province ?? KioskId.ProvinceOf(kioskId);
        if (!context.MaySeeProvince(province))
        {
            return Results.NotFound(new { error = $"Kiosk {kioskId} is unknown to this hub." });
        }

        var reason = request?.Reason is { Length: > 0 } r ? r[..Math.Min(r.Length, 200)] : "(no reason given)";
        var who = by.Identity?.Name ?? "?";
        store.Revoke(kioskId, who, reason);
        ProvisioningLog.Revoked(loggers.CreateLogger("TiepCongDan.Hub.Provisioning"), kioskId, who, reason);
        // Cut now (again, if the event already did): the answer means the kiosk is off the hub.
        await enforcer.CutAsync(kioskId);
        context.Audit(AuditActions.KioskRevoke, kioskId, province, AuditOutcomes.Ok, reason);
        return Results.Ok(KioskRegistrationDto.From(store.Find(kioskId)!));
    }

    private static IResult Enroll(ClaimsPrincipal kiosk, KioskRegistrationStore store, ILoggerFactory loggers)
    {
        var kioskId = kiosk.Identity?.Name ?? string.Empty;
        if (!store.MarkEnrolled(kioskId))
        {
            return Results.NotFound(new { error = $"Kiosk {kioskId} is not registered: provision it with tcd-hub provision first." });
        }

        ProvisioningLog.Enrolled(loggers.CreateLogger("TiepCongDan.Hub.Provisioning"), kioskId);
        return Results.Ok(KioskRegistrationDto.From(store.Find(kioskId)!));
    }
}
