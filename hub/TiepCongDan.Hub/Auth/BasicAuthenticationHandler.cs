using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TiepCongDan.Hub.Auth;

/// <summary>HTTP Basic for scripts; answers 401 with a WWW-Authenticate challenge.</summary>
public sealed class BasicAuthenticationHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public const string SchemeName = "Basic";

    private readonly OperatorLogins _logins;

    public BasicAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, OperatorLogins logins)
        : base(options, logger, encoder) => _logins = logins;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        switch (BasicCredentials.TryRead(Request, out var credentials))
        {
            case BasicCredentials.Outcome.Absent:
                return Task.FromResult(AuthenticateResult.NoResult());
            case BasicCredentials.Outcome.Malformed:
                return Task.FromResult(AuthenticateResult.Fail("Malformed Basic credentials."));
        }

        var principal = _logins.SignIn(credentials.Username, credentials.Password, SchemeName, Context.Connection.RemoteIpAddress?.ToString() ?? "?", form: false);
        return Task.FromResult(principal is null
            ? AuthenticateResult.Fail("Wrong user name or password.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"tcd-hub\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }
}
