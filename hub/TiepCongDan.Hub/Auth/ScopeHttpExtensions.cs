using TiepCongDan.Hub.Alerts;

namespace TiepCongDan.Hub.Auth;

/// <summary>The signed-in user's provinces from the request's <see cref="IAlertScope"/> (null = every province).</summary>
public static class ScopeHttpExtensions
{
    public static IReadOnlySet<string>? AllowedProvinces(this HttpContext context) =>
        context.RequestServices.GetRequiredService<IAlertScope>().AllowedProvinces(context.User);

    /// <summary>The request's filter for code that takes a province predicate (reports, exports, the audit log); null = all.</summary>
    public static Func<string, bool>? ProvinceFilter(this HttpContext context) =>
        context.AllowedProvinces() is { } allowed ? allowed.Contains : null;

    public static bool MaySeeKiosk(this HttpContext context, string? kioskId) => context.AllowedProvinces().AllowsKiosk(kioskId);

    public static bool MaySeeProvince(this HttpContext context, string? province) => context.AllowedProvinces().Allows(province);

    public static bool IsAllProvinces(this HttpContext context) => context.AllowedProvinces() is null;
}
