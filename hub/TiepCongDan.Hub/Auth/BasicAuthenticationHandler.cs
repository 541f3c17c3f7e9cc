using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TiepCongDan.Hub.Auth;

/// <summary>HTTP Basic for scripts; answers 401 with a WWW-Authenticate challenge.</summary>
public sealed class BasicAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public const string SchemeName = "Basic";

    private readonly UserStore _users;

    public BasicAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserStore users)
        : base(options, logger, encoder) => _users = users;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        switch (BasicCredentials.TryRead(Request, out var credentials))
        {
            case BasicCredentials.Outcome.Absent:
                return Task.FromResult(AuthenticateResult.NoResult());
            case BasicCredentials.Outcome.Malformed:
                return Task.FromResult(AuthenticateResult.Fail("Malformed Basic credentials."));
        }

        var username = credentials.Username;
        var role = _users.Authenticate(username, credentials.Password);
        if (role is null)
        {
            AuthLog.LoginFailed(Logger, username, Context.Connection.RemoteIpAddress?.ToString() ?? "?");
            return Task.FromResult(AuthenticateResult.Fail("Wrong user name or password."));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(Principal(username, role, SchemeName), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"tcd-hub\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    public static ClaimsPrincipal Principal(string username, string role, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, username), new Claim(ClaimTypes.Role, role)], scheme));
}
