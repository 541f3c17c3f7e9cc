using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using TiepCongDan.Hub.Auth;
using TiepCongDan.Hub.OperatorConsole;

namespace TiepCongDan.Hub.Web;

/// <summary>The console pages (fleet overview, kiosk, alerts, live sessions) and the login, served from resources inside the exe (no CDN, no loose files to lose).</summary>
public static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Embedded("index.html", "text/html; charset=utf-8")).RequireAuthorization(Policies.AnyUser);
        app.MapGet("/app.js", () => Embedded("app.js", "text/javascript; charset=utf-8")).AllowAnonymous();
        app.MapGet("/style.css", () => Embedded("style.css", "text/css; charset=utf-8")).AllowAnonymous();
        app.MapGet("/live.html", () => Embedded("live.html", "text/html; charset=utf-8")).RequireAuthorization(Policies.AnyUser);
        app.MapGet("/live.js", () => Embedded("live.js", "text/javascript; charset=utf-8")).AllowAnonymous();
        app.MapGet("/common.js", () => Embedded("common.js", "text/javascript; charset=utf-8")).AllowAnonymous();
        app.MapGet("/kiosk.html", () => Embedded("kiosk.html", "text/html; charset=utf-8")).RequireAuthorization(Policies.AnyUser);
        app.MapGet("/kiosk.js", () => Embedded("kiosk.js", "text/javascript; charset=utf-8")).AllowAnonymous();
        app.MapGet("/alerts.html", () => Embedded("alerts.html", "text/html; charset=utf-8")).RequireAuthorization(Policies.AnyUser);
        app.MapGet("/alerts.js", () => Embedded("alerts.js", "text/javascript; charset=utf-8")).AllowAnonymous();
        // The pages' own read-only API (who is signed in, the fleet by province) lives with them.
        app.MapConsoleEndpoints();
        app.MapGet("/login", (string? error) => Results.Content(LoginPage.Render(error is not null), "text/html; charset=utf-8")).AllowAnonymous();
        app.MapPost("/login", LoginAsync).AllowAnonymous().DisableAntiforgery();
        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        }).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> LoginAsync(HttpContext context, OperatorLogins logins)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var principal = logins.SignIn(form["username"].ToString(), form["password"].ToString(), CookieAuthenticationDefaults.AuthenticationScheme,
            context.Connection.RemoteIpAddress?.ToString() ?? "?", form: true);
        if (principal is null)
        {
            return Results.Redirect("/login?error=1");
        }

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        var returnUrl = form["returnUrl"].ToString();
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl : "/");
    }

    private static bool IsLocal(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    /// <summary>A file of Web/wwwroot, embedded in the executable (no files to deploy, no CDN).</summary>
    internal static IResult Embedded(string name, string contentType)
    {
        var stream = typeof(PageEndpoints).Assembly.GetManifestResourceStream("wwwroot/" + name);
        return stream is null ? Results.NotFound() : Results.Stream(stream, contentType);
    }
}
